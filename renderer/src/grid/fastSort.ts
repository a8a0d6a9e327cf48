import type { ColDef, Column, GridApi, IRowNode, PostSortRowsParams } from 'ag-grid-community';

type Compare<T> = (a: unknown, b: unknown, nodeA: IRowNode<T>, nodeB: IRowNode<T>, isDescending: boolean) => number;

/** Where a column keeps its real comparator while AG Grid sees `keepOrder`. */
interface SortContext<T> {
  compare?: Compare<T>;
}

/** AG Grid's own default order: blanks first, then `<` / `>` (no locale, as with accentedSort off). */
function defaultCompare(a: unknown, b: unknown): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  const x = a as number | string;
  const y = b as number | string;
  return x > y ? 1 : x < y ? -1 : 0;
}

/** A comparator under which every order is already sorted: AG Grid's own pass does n - 1 cheap comparisons. */
const keepOrder = (): number => 0;

/**
 * AG Grid reads both cells' values through its value service at every comparison:
 * about 3.4 million reads to sort 100,000 rows, which alone takes longer than the
 * 150 ms the sort may take. So each sortable column hands AG Grid `keepOrder` and
 * keeps its real comparator in its context; `RowSorter.postSortRows` then reads each
 * sorted column's values once per row (or its kept ranks) and orders the rows by ranks.
 * The order is exactly AG Grid's: same comparators, ties kept in the incoming order.
 */
export function withOneReadSort<T>(columns: ColDef<T>[]): ColDef<T>[] {
  return columns.map((col) => {
    if (col.sortable === false) return col;
    const own = typeof col.comparator === 'function' ? (col.comparator as Compare<T>) : undefined;
    const context: SortContext<T> = { ...(col.context as SortContext<T> | undefined), compare: own };
    return { ...col, comparator: keepOrder, context };
  });
}

/** Where the column keeps its own comparator (see withOneReadSort). */
function contextOf<T>(column: Column): SortContext<T> | undefined {
  return column.getColDef().context as SortContext<T> | undefined;
}

/** The values of one column for these nodes, read once each (a plain field straight from the row). */
function valuesOf<T>(api: GridApi<T>, column: Column, nodes: IRowNode<T>[]): unknown[] {
  const values: unknown[] = [];
  readValues(api, column, nodes, 0, nodes.length, values);
  return values;
}

/** Appends the column's values of nodes[from, to) to `values` (read in order, so it stays a packed array). */
function readValues<T>(api: GridApi<T>, column: Column, nodes: readonly IRowNode<T>[], from: number, to: number, values: unknown[]): void {
  const def = column.getColDef();
  const field = def.field;
  if (field && !def.valueGetter && !field.includes('.')) {
    for (let i = from; i < to; i++) values.push((nodes[i]?.data as Record<string, unknown> | undefined)?.[field]);
    return;
  }
  for (let i = from; i < to; i++) {
    const node = nodes[i];
    values.push(node ? (api.getCellValue({ rowNode: node, colKey: column, from: 'data' }) as unknown) : undefined);
  }
}

/** Rows whose values the idle preparation reads per step (a few ms even for computed columns). */
const VALUE_CHUNK = 2000;

/** One sort key: a column's values (one per row), its comparator (none = AG Grid's default order) and direction. */
export interface SortKey<N> {
  values: readonly unknown[];
  compare?: (a: unknown, b: unknown, nodeA: N, nodeB: N, isDescending: boolean) => number;
  descending: boolean;
}

/** Largest integer below which index-packed keys stay exact in a double (2^53). */
const EXACT = 2 ** 53;
/** Ranks below this fit an unsigned 32-bit key and sort by radix. */
const RADIX_SPAN = 2 ** 32;

/**
 * One key's rows as ranks: a number per row, ascending in the key's order, equal exactly for the
 * rows the order finds equal (`max` is the largest). Ranks are what the sort works on: the rows'
 * order follows from them by a linear radix sort, for either direction and for several keys, and
 * they can be kept for the next sort of the same column (RowSorter).
 */
export interface Ranks {
  ranks: Uint32Array;
  max: number;
}

/**
 * Reorders a permutation of row indices stably by their ranks: a least-significant-digit radix
 * sort, one pass per 16 bits the ranks need (one up to 65,535, else two). Each pass is stable,
 * so equal ranks keep their incoming order.
 */
function radixByRank(start: Uint32Array, rankOf: Uint32Array, max: number, descending: boolean): Uint32Array {
  const n = start.length;
  let from: Uint32Array = start;
  let to: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let shift = 0; shift === 0 || (shift < 32 && max >>> shift > 0); shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const r = rankOf[from[i] ?? 0] ?? 0;
      const slot = ((((descending ? max - r : r) >>> shift) & 0xffff) + 1) | 0;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] ?? 0) + (counts[d - 1] ?? 0);
    for (let i = 0; i < n; i++) {
      const index = from[i] ?? 0;
      const r = rankOf[index] ?? 0;
      const digit = ((descending ? max - r : r) >>> shift) & 0xffff;
      to[counts[digit] ?? 0] = index;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Indices 0…n−1. */
function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Dense ranks along an order: the next rank starts where `same` says two neighbours differ. */
function denseRanks(order: ArrayLike<number>, n: number, same: (i: number, j: number) => boolean): Ranks {
  const ranks = new Uint32Array(n);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (k > 0 && !same(order[k - 1] ?? 0, i)) rank++;
    ranks[i] = rank;
  }
  return { ranks, max: rank };
}

/**
 * Whole numbers or blanks under AG Grid's default order (amounts in cents, counts, points):
 * blanks rank 0, a value its distance above the smallest plus one, when that fits 32 bits
 * (amounts up to ¥42 million apart). Wider spans are ranked densely after sorting packed doubles
 * (value rank × n + index) natively. Null when a value is not a whole number or blank, or the
 * packed keys would not be exact.
 */
function numberRanks(values: readonly unknown[]): Ranks | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v == null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max >= min ? max - min + 2 : 1;
  const rankOf = (v: number | null | undefined) => (v == null ? 0 : v - min + 1);
  if (span <= RADIX_SPAN) {
    const ranks = new Uint32Array(n);
    for (let i = 0; i < n; i++) ranks[i] = rankOf(values[i] as number | null | undefined);
    return { ranks, max: span - 1 };
  }
  if (span * n >= EXACT) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rankOf(values[i] as number | null | undefined) * n + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % n;
  return denseRanks(order, n, (i, j) => values[i] === values[j] || (values[i] == null && values[j] == null));
}

/** Comparators that look only at the two values (not at the rows): a key using one ranks its distinct values only. */
const valueOnly = new WeakSet<object>();

/** Marks a column comparator as depending on the two values alone (e.g. a vocabulary's domain order). */
export function byValueOnly<F extends (a: unknown, b: unknown) => number>(compare: F): F {
  valueOnly.add(compare);
  return compare;
}

/**
 * A value-only comparator (a vocabulary: status, tier, kind …): the distinct values are sorted
 * once with it (blanks too: the comparator places them) and each row gets its value's rank,
 * values the comparator finds equal sharing one. A status has four values: a handful of
 * comparisons instead of 1.7 million.
 */
function distinctValueRanks(values: readonly unknown[], compare: (a: unknown, b: unknown) => number): Ranks {
  const sorted = [...new Set(values)].sort(compare);
  const rankOf = new Map<unknown, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && compare(sorted[i - 1], sorted[i]) !== 0) rank++;
    rankOf.set(sorted[i], rank);
  }
  const ranks = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOf.get(values[i]) ?? 0;
  return { ranks, max: rank };
}

/**
 * Texts or blanks under AG Grid's default order (`<` on UTF-16 code units, blanks first), without
 * 1.7 million comparator calls for 100,000 names: the texts are first ordered by radix on their
 * first four code units (a shorter text counts its missing units as 0, so a prefix still comes
 * first), then each run of equal prefixes (a city and a brand, a surname and a given name: a
 * handful of rows) is sorted with the full comparison. Equal texts share a rank, blanks rank 0.
 * Null when a value is neither a text nor blank.
 */
function textRanks(values: readonly unknown[]): Ranks | null {
  const n = values.length;
  const texts: number[] = [];
  let blanks = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) blanks++;
    else if (typeof v === 'string') texts.push(i);
    else return null;
  }
  // The first four code units as two 32-bit keys. The keys never decide between texts they
  // cannot tell apart: equal keys go to the full comparison.
  const m = texts.length;
  const high = new Uint32Array(m);
  const low = new Uint32Array(m);
  let highMax = 0;
  let lowMax = 0;
  for (let t = 0; t < m; t++) {
    const v = values[texts[t] ?? 0] as string;
    const len = v.length;
    const h = (((len > 0 ? v.charCodeAt(0) : 0) << 16) | (len > 1 ? v.charCodeAt(1) : 0)) >>> 0;
    const l = (((len > 2 ? v.charCodeAt(2) : 0) << 16) | (len > 3 ? v.charCodeAt(3) : 0)) >>> 0;
    high[t] = h;
    low[t] = l;
    if (h > highMax) highMax = h;
    if (l > lowMax) lowMax = l;
  }
  // Least significant key first: each pass is stable.
  const ranked = radixByRank(radixByRank(identity(m), low, lowMax, false), high, highMax, false);
  const ranks = new Uint32Array(n);
  let rank = blanks > 0 ? 1 : 0;
  let previous: string | null = null;
  const give = (i: number) => {
    const v = values[i] as string;
    if (previous !== null && v !== previous) rank++;
    ranks[i] = rank;
    previous = v;
  };
  const byText = (i: number, j: number): number => {
    const a = values[i] as string;
    const b = values[j] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let start = 0;
  while (start < m) {
    const h = high[ranked[start] ?? 0];
    const l = low[ranked[start] ?? 0];
    let end = start + 1;
    while (end < m && high[ranked[end] ?? 0] === h && low[ranked[end] ?? 0] === l) end++;
    if (end - start === 1) {
      give(texts[ranked[start] ?? 0] ?? 0);
    } else {
      const run: number[] = [];
      for (let r = start; r < end; r++) run.push(texts[ranked[r] ?? 0] ?? 0);
      for (const i of orderRun(values, run, 4, byText)) give(i);
    }
    start = end;
  }
  return { ranks, max: m > 0 ? rank : 0 };
}

/** Runs up to this long are sorted by comparison; longer ones by their next code units first. */
const SHORT_RUN = 24;
/** Packed keys hold a run position below 2^20 (a run of a million texts falls back to comparison). */
const POSITION_SPAN = 2 ** 20;

/**
 * Orders a run of texts (row indices) that share their first `offset` code units. Codes, phone
 * numbers and e-mails share long prefixes (C000…, 138…, user…): a run can hold thousands of
 * rows, and comparing them in full was most of a text column's ranking. A long run is ordered
 * by its next two code units first (each unit + 1, a missing one 0, so a shorter text comes
 * first), packed with the position in a double and sorted natively; each group of equal units
 * then continues two units on, until it is short or its texts end, and is then compared in full.
 * A level that does not split its run (one long text on many rows) hands it to the comparison
 * at once, so no text costs more levels than it splits. `compare` is the full comparison.
 */
function orderRun(values: readonly unknown[], run: number[], offset: number, compare: (i: number, j: number) => number): number[] {
  if (run.length <= SHORT_RUN || run.length >= POSITION_SPAN) return run.sort(compare);
  const m = run.length;
  const packed = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const v = values[run[k] ?? 0] as string;
    const high = offset < v.length ? v.charCodeAt(offset) + 1 : 0;
    const low = offset + 1 < v.length ? v.charCodeAt(offset + 1) + 1 : 0;
    packed[k] = (high * 65537 + low) * POSITION_SPAN + k;
  }
  packed.sort();
  const unitsOf = (p: number) => Math.floor((packed[p] ?? 0) / POSITION_SPAN);
  if (unitsOf(0) === unitsOf(m - 1)) return run.sort(compare);
  const out: number[] = [];
  let start = 0;
  while (start < m) {
    const units = unitsOf(start);
    let end = start + 1;
    while (end < m && unitsOf(end) === units) end++;
    const group: number[] = [];
    for (let p = start; p < end; p++) group.push(run[(packed[p] ?? 0) % POSITION_SPAN] ?? 0);
    // Both units present: the texts go on, order them by the next ones. Else they end here.
    const goesOn = units % 65537 !== 0 && units >= 65537;
    for (const i of goesOn ? orderRun(values, group, offset + 2, compare) : group.sort(compare)) out.push(i);
    start = end;
  }
  return out;
}

/** Any other key: the rows sorted once with the comparison, equal neighbours sharing a rank. */
function comparedRanks(n: number, compare: (i: number, j: number) => number): Ranks {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => compare(i, j) || i - j);
  return denseRanks(order, n, (i, j) => compare(i, j) === 0);
}

/** Whether a key's ranks depend on its direction: a row-aware comparator is told the direction. */
function rankedPerDirection<N>(key: Pick<SortKey<N>, 'compare'>): boolean {
  return key.compare !== undefined && !valueOnly.has(key.compare);
}

/**
 * The ranks of one key's rows (see Ranks), by the fastest path that gives exactly AG Grid's order.
 * Null for default-order values that are neither all whole numbers nor all texts (a number among
 * texts): `<` then orders no consistent way, and only the same comparison sort gives AG Grid's result.
 */
function rankKey<N>(key: SortKey<N>, nodes: readonly N[]): Ranks | null {
  const { values, compare, descending } = key;
  if (!compare) return numberRanks(values) ?? textRanks(values) ?? (uniformlyTyped(values) ? comparedRanks(values.length, (i, j) => defaultCompare(values[i], values[j])) : null);
  if (valueOnly.has(compare)) return distinctValueRanks(values, compare as unknown as (a: unknown, b: unknown) => number);
  return comparedRanks(values.length, (i, j) => compare(values[i], values[j], nodes[i] as N, nodes[j] as N, descending));
}

/** Whether the non-blank values are all of one type (then `<` orders them consistently: fractions, booleans). */
function uniformlyTyped(values: readonly unknown[]): boolean {
  let type: string | null = null;
  for (const v of values) {
    if (v == null) continue;
    if (typeof v === 'number' && Number.isNaN(v)) return false;
    type ??= typeof v;
    if (typeof v !== type || (type !== 'number' && type !== 'string' && type !== 'boolean' && type !== 'bigint')) return false;
  }
  return true;
}

/** The rows sorted by comparing them key by key, as AG Grid does (the path for values ranks cannot order). */
function comparisonOrder<N>(keys: readonly SortKey<N>[], nodes: readonly N[]): Uint32Array {
  const compares = keys.map(({ values, compare, descending }) => {
    const sign = descending ? -1 : 1;
    if (!compare) return (i: number, j: number) => sign * defaultCompare(values[i], values[j]);
    return (i: number, j: number) => sign * compare(values[i], values[j], nodes[i] as N, nodes[j] as N, descending);
  });
  const order = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) order[i] = i;
  order.sort((i, j) => {
    for (const c of compares) {
      const r = c(i, j);
      if (r) return r;
    }
    return i - j;
  });
  return Uint32Array.from(order);
}

/**
 * The order of n rows from their keys' ranks: one stable radix sort per key, the last key first,
 * so the first key decides and ties keep the incoming order, as AG Grid's stable sort does.
 */
function orderByRanks(keys: readonly { ranks: Ranks; descending: boolean }[], n: number): Uint32Array {
  let order = identity(n);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k];
    if (key) order = radixByRank(order, key.ranks.ranks, key.ranks.max, key.descending);
  }
  return order;
}

/**
 * The sorted order of n rows (indices into `nodes`), exactly as AG Grid sorts them: keys in
 * turn, a descending key reverses its comparator, ties keep the incoming order.
 */
export function sortedOrder<N>(keys: readonly SortKey<N>[], nodes: readonly N[]): Uint32Array {
  const ranked: { ranks: Ranks; descending: boolean }[] = [];
  for (const key of keys) {
    const ranks = rankKey(key, nodes);
    if (!ranks) return comparisonOrder(keys, nodes);
    ranked.push({ ranks, descending: key.descending });
  }
  return orderByRanks(ranked, nodes.length);
}

/** One column's ranks kept for its next sort, by each row's source index. */
interface KeptRanks<T> {
  /** The column definition they were made under (new definitions may compute other values: a language's separators). */
  def: ColDef<T>;
  /** Set for ranks a row-aware comparator made for one direction. */
  descending: boolean | null;
  /** The row data the ranks were made from (an edited row is a new object, so its ranks are stale). */
  rows: readonly (T | undefined)[];
  ranks: Uint32Array;
  max: number;
}

/**
 * The grid's postSortRows, keeping each sorted column's ranks: sorting the same column again
 * (the other way, after another column, in a multi-sort) only orders the rows by the kept ranks,
 * as long as every row still holds the same data object (edits and refreshes bring new objects)
 * and the column the same definition (new definitions may compute other values or order them
 * otherwise); `clear()` drops them when what the columns compute
 * from changes (asOf, staff, completeness rules). `prepare` ranks columns ahead, in idle time, and
 * keeps their finished order both ways for the unfiltered rows: a first sort by one such column is
 * then a check that the rows are still those and a copy (some 16 MB for 20 columns at 100,000 rows).
 */
export class RowSorter<T> {
  private kept = new Map<string, KeptRanks<T>>();
  /** The latest row snapshot, shared by the kept ranks made from the same rows. */
  private rows: (T | undefined)[] = [];
  /** The rows, in the order AG Grid hands them over unfiltered, that the finished orders were made for. */
  private base: OrderBase<T> | null = null;
  /** Finished single-column orders made while idle, by `orderKey(colId, descending)`. */
  private orders = new Map<string, KeptOrder<T>>();

  clear(): void {
    this.kept.clear();
    this.rows = [];
    this.base = null;
    this.orders.clear();
  }

  /** postSortRows: sorts `nodes` in place by the grid's sort model (see withOneReadSort). */
  readonly postSortRows = ({ api, nodes }: PostSortRowsParams<T>): void => {
    if (nodes.length < 2) return;
    const sorted = api
      .getColumnState()
      .filter((s) => s.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .flatMap((s) => {
        const column = api.getColumn(s.colId);
        return column ? [{ column, descending: s.sort === 'desc' }] : [];
      });
    if (sorted.length === 0) return;
    const only = sorted.length === 1 ? sorted[0] : undefined;
    if (only && this.sortFinished(nodes, only.column, only.descending)) return;
    const ranked: { ranks: Ranks; descending: boolean }[] = [];
    for (const { column, descending } of sorted) {
      const ranks = this.ranksOf(api, column, nodes, descending);
      if (ranks) ranked.push({ ranks, descending });
    }
    const incoming = nodes.slice();
    const order =
      ranked.length === sorted.length
        ? orderByRanks(ranked, incoming.length)
        : comparisonOrder(
            sorted.map(({ column, descending }) => ({ values: valuesOf(api, column, incoming), compare: contextOf<T>(column)?.compare, descending })),
            incoming,
          );
    arrange(nodes, incoming, order);
  };

  /**
   * Runs what a sort by a prepared column runs (its kept ranks read for all rows, the order made,
   * the rows arranged) on a copy of the rows, and drops the result: called once after the idle
   * preparation so that the first click runs compiled code, not code seen for the first time.
   */
  warmUp(api: GridApi<T>, column: Column): void {
    const nodes = leafNodes(api);
    this.sortFinished(nodes.slice(), column, true);
    const ranks = this.ranksOf(api, column, nodes, true);
    if (ranks) arrange(nodes.slice(), nodes, orderByRanks([{ ranks, descending: true }], nodes.length));
  }

  /** Whether the column's comparator looks at the rows (its ranks are then made per direction, at its sort). */
  isRowAware(column: Column): boolean {
    return rankedPerDirection({ compare: contextOf<T>(column)?.compare });
  }

  /** Ranks a column for all rows now, unless kept ranks are still good (its first sort then only orders them). */
  prepare(api: GridApi<T>, column: Column): void {
    const steps = this.prepareSteps(api, column);
    while (steps.next().done !== true);
  }

  /**
   * Keeps a ranked column's finished order one way (see sortFinished) for these nodes, holding the
   * row data `rows` its ranks were made from: a sort checks the rows against that data.
   */
  private keepOrder(column: Column, def: ColDef<T>, nodes: readonly IRowNode<T>[], rows: readonly (T | undefined)[], ranks: Ranks, descending: boolean): void {
    const base = this.base;
    if (!base || base.nodes.length !== nodes.length || base.nodes.some((node, i) => node !== nodes[i] || base.data[i] !== rows[i])) {
      this.base = { nodes, data: rows };
      this.orders.clear();
    }
    const order = orderByRanks([{ ranks, descending }], nodes.length);
    const sorted = new Array<IRowNode<T>>(nodes.length);
    arrange(sorted, nodes, order);
    this.orders.set(orderKey(column.getColId(), descending), { def, sorted });
  }

  /**
   * Sorts by one column from its finished order, when one was made for exactly these rows in
   * exactly this order (AG Grid hands the unfiltered rows over in the same order each time)
   * holding the same data, under the same column definition: then a sort is a check and a copy.
   */
  private sortFinished(nodes: IRowNode<T>[], column: Column, descending: boolean): boolean {
    const base = this.base;
    const kept = this.orders.get(orderKey(column.getColId(), descending));
    if (!base || !kept || kept.def !== column.getColDef() || !sameRows(base, nodes)) return false;
    const { sorted } = kept;
    for (let k = 0; k < sorted.length; k++) nodes[k] = sorted[k] as IRowNode<T>;
    return true;
  }

  /**
   * prepare() in steps, for idle time: the generator pauses after every VALUE_CHUNK rows read, so
   * a click or a scroll never waits behind more than a few ms of it; the ranking of the values read
   * is one step, and each of the two finished orders another. If the rows or the column changed
   * meanwhile (an edit brings a new row object), nothing is kept: the column is then ranked at its
   * first sort.
   */
  *prepareSteps(api: GridApi<T>, column: Column): Generator<void, void, void> {
    const def = column.getColDef() as ColDef<T>;
    if (def.sortable === false) return;
    const nodes = leafNodes(api);
    if (nodes.length < 2) return;
    const rows = nodes.map((node) => node.data);
    let ranks = this.keptFor(column, nodes, false);
    if (!ranks) {
      const values: unknown[] = [];
      for (let from = 0; from < nodes.length; from += VALUE_CHUNK) {
        yield;
        if (api.isDestroyed()) return;
        readValues(api, column, nodes, from, Math.min(nodes.length, from + VALUE_CHUNK), values);
      }
      yield;
      // Still the same rows holding the same data (an edit brings a new row object)?
      if (api.isDestroyed() || column.getColDef() !== def || !sameRows({ nodes, data: rows }, leafNodes(api))) return;
      ranks = this.ranksOf(api, column, nodes, false, values);
    }
    // A comparator that looks at the rows ranks per direction, at its sort: no finished order ahead.
    if (!ranks || this.isRowAware(column)) return;
    for (const descending of [false, true]) {
      yield;
      if (api.isDestroyed() || column.getColDef() !== def) return;
      this.keepOrder(column, def, nodes, rows, ranks, descending);
    }
  }

  /** The column's kept ranks for these nodes (in their order), if still good for them. */
  private keptFor(column: Column, nodes: readonly IRowNode<T>[], descending: boolean): Ranks | null {
    const kept = this.kept.get(column.getColId());
    if (!kept || kept.def !== column.getColDef() || (kept.descending !== null && kept.descending !== descending)) return null;
    const ranks = keptRanks(kept, nodes);
    return ranks ? { ranks, max: kept.max } : null;
  }

  /**
   * The column's ranks for these nodes (in their order): the kept ones if still good, else made
   * (from `values` when the caller read them already) and kept.
   */
  private ranksOf(api: GridApi<T>, column: Column, nodes: readonly IRowNode<T>[], descending: boolean, values?: readonly unknown[]): Ranks | null {
    const def = column.getColDef() as ColDef<T>;
    const compare = contextOf<T>(column)?.compare;
    const perDirection = rankedPerDirection({ compare });
    const colId = column.getColId();
    const kept = this.keptFor(column, nodes, descending);
    if (kept) return kept;
    const made = rankKey({ values: values ?? valuesOf(api, column, nodes as IRowNode<T>[]), compare, descending }, nodes);
    if (!made) return null;
    const rows = this.snapshot(nodes);
    if (rows) {
      const bySource = new Uint32Array(rows.length);
      for (let i = 0; i < nodes.length; i++) bySource[nodes[i]?.sourceRowIndex ?? 0] = made.ranks[i] ?? 0;
      this.kept.set(colId, { def, descending: perDirection ? descending : null, rows, ranks: bySource, max: made.max });
    }
    return made;
  }

  /** The rows by source index for these nodes, the shared snapshot when it agrees; null when nodes lack a source index. */
  private snapshot(nodes: readonly IRowNode<T>[]): (T | undefined)[] | null {
    let size = 0;
    for (const node of nodes) {
      if (node.sourceRowIndex < 0) return null;
      if (node.sourceRowIndex >= size) size = node.sourceRowIndex + 1;
    }
    let rows = this.rows;
    let same = rows.length === size;
    for (let i = 0; same && i < nodes.length; i++) {
      const node = nodes[i];
      if (node && rows[node.sourceRowIndex] !== node.data) same = false;
    }
    if (!same) {
      // A new snapshot holds only these rows: ranks made for a subset are never used for rows outside it.
      rows = new Array<T | undefined>(size);
      for (const node of nodes) rows[node.sourceRowIndex] = node.data;
      this.rows = rows;
      // Ranks kept from other rows stay with their own snapshot and are checked row by row when used.
    }
    return rows;
  }
}

/** The rows (in AG Grid's incoming order, unfiltered) and their data when finished orders were made. */
interface OrderBase<T> {
  nodes: readonly IRowNode<T>[];
  data: readonly (T | undefined)[];
}

/** One column's rows sorted one way, made while idle (see RowSorter.prepare). */
interface KeptOrder<T> {
  /** The column definition it was made under. */
  def: ColDef<T>;
  sorted: readonly IRowNode<T>[];
}

const orderKey = (colId: string, descending: boolean) => `${descending ? 'desc' : 'asc'}:${colId}`;

/** Whether `nodes` are the base's rows, in its order, each still holding the data it held (an edit brings a new object). */
function sameRows<T>(base: OrderBase<T>, nodes: readonly IRowNode<T>[]): boolean {
  const { nodes: was, data } = base;
  if (nodes.length !== was.length) return false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node !== was[i] || node?.data !== data[i]) return false;
  }
  return true;
}

/** The grid's rows, in AG Grid's own order. */
function leafNodes<T>(api: GridApi<T>): IRowNode<T>[] {
  const nodes: IRowNode<T>[] = [];
  api.forEachLeafNode((node) => nodes.push(node));
  return nodes;
}

/** Puts `incoming[order[k]]` at `nodes[k]`. */
function arrange<N>(nodes: N[], incoming: readonly N[], order: Uint32Array): void {
  for (let to = 0; to < order.length; to++) {
    const node = incoming[order[to] ?? to];
    if (node) nodes[to] = node;
  }
}

/** The kept ranks of these nodes, in their order, or null if any node's data is not what they were made from. */
function keptRanks<T>(kept: KeptRanks<T>, nodes: readonly IRowNode<T>[]): Uint32Array | null {
  const ranks = new Uint32Array(nodes.length);
  const { rows } = kept;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) return null;
    const source = node.sourceRowIndex;
    if (source < 0 || source >= rows.length || node.data === undefined || rows[source] !== node.data) return null;
    ranks[i] = kept.ranks[source] ?? 0;
  }
  return ranks;
}
