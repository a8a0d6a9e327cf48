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
 * keeps its real comparator in its context; `sortRowsOnce` (the grid's postSortRows)
 * then reads each sorted column's values once per row and sorts an index array.
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

/** The values of one column for these nodes, read once each (a plain field straight from the row). */
function valuesOf<T>(api: GridApi<T>, column: Column, nodes: IRowNode<T>[]): unknown[] {
  const def = column.getColDef();
  const field = def.field;
  if (field && !def.valueGetter && !field.includes('.')) return nodes.map((n) => (n.data as Record<string, unknown> | undefined)?.[field]);
  return nodes.map((n) => api.getCellValue({ rowNode: n, colKey: column, from: 'data' }) as unknown);
}

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
 * Indices 0…n−1 ordered by their 32-bit ranks: a least-significant-digit radix sort in two
 * passes of 16 bits. Each pass is stable, so equal ranks keep the incoming (index) order.
 * Linear, about a fifth of the time of sorting packed doubles at 100,000 rows.
 */
function radixOrder(ranks: Uint32Array): Uint32Array {
  const n = ranks.length;
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  return radixPasses(ranks, identity);
}

/** Reorders a permutation of indices stably by their 32-bit ranks (two 16-bit passes). */
function radixPasses(ranks: Uint32Array, start: Uint32Array): Uint32Array {
  const n = start.length;
  let from = start.slice();
  let to = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const slot = (((ranks[from[i] ?? 0] ?? 0) >>> shift) & 0xffff) + 1;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] ?? 0) + (counts[d - 1] ?? 0);
    for (let i = 0; i < n; i++) {
      const index = from[i] ?? 0;
      const digit = ((ranks[index] ?? 0) >>> shift) & 0xffff;
      to[counts[digit] ?? 0] = index;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * The order of a single numeric key under AG Grid's default comparison without a comparator
 * call per comparison: ranks that fit 32 bits (amounts in cents up to ¥42 million apart, counts,
 * points) by radix; wider ones as packed doubles sorted natively, each row's key its value's
 * rank times n plus its index. Both keep ties in the incoming order. Null when the values are
 * not all whole numbers or blanks, or the packed keys would not be exact.
 */
function numericOrder(values: readonly unknown[], descending: boolean): Uint32Array | null {
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
  // Blanks come first ascending and last descending, as AG Grid's order reversed.
  const rankOf = (v: number | null | undefined) => (v == null ? (descending ? span - 1 : 0) : descending ? max - v : v - min + 1);
  if (span <= RADIX_SPAN) {
    const ranks = new Uint32Array(n);
    for (let i = 0; i < n; i++) ranks[i] = rankOf(values[i] as number | null | undefined);
    return radixOrder(ranks);
  }
  if (span * n >= EXACT) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = rankOf(values[i] as number | null | undefined) * n + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % n;
  return order;
}

/** Comparators that look only at the two values (not at the rows): a key using one sorts its distinct values only. */
const valueOnly = new WeakSet<object>();

/** Marks a column comparator as depending on the two values alone (e.g. a vocabulary's domain order). */
export function byValueOnly<F extends (a: unknown, b: unknown) => number>(compare: F): F {
  valueOnly.add(compare);
  return compare;
}

/**
 * The order of a single key under a value-only comparator (a vocabulary: status, tier, kind …)
 * by its distinct values: they are sorted once with the comparator (blanks too: the comparator
 * places them), each row gets its value's rank (values the comparator finds equal share one),
 * and the ranks sort by radix, ties in the incoming order. A status has four values: a handful
 * of comparisons instead of 1.7 million.
 */
function distinctValueOrder(values: readonly unknown[], compare: (a: unknown, b: unknown) => number, descending: boolean): Uint32Array | null {
  const n = values.length;
  const sorted = [...new Set(values)].sort(compare);
  const rankOf = new Map<unknown, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && compare(sorted[i - 1], sorted[i]) !== 0) rank++;
    rankOf.set(sorted[i], rank);
  }
  if (rank >= RADIX_SPAN) return null;
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rankOf.get(values[i]) ?? 0;
    // Descending reverses the comparison: ranks count down, ties still in the incoming order.
    ranks[i] = descending ? rank - r : r;
  }
  return radixOrder(ranks);
}

/** Indices 0…n−1 in a plain array: V8 sorts one with a comparator several times faster than a typed array. */
function indices(n: number): number[] {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * One key under AG Grid's default order that is not all whole numbers (texts such as names,
 * fractions): one comparison function with the order inlined, ties by incoming position.
 */
function defaultOrder(values: readonly unknown[], descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  const order = indices(values.length);
  order.sort((i, j) => {
    const a = values[i] as number | string | null | undefined;
    const b = values[j] as number | string | null | undefined;
    if (a === b) return i - j;
    if (a == null) return b == null ? i - j : -sign;
    if (b == null) return sign;
    return a < b ? -sign : a > b ? sign : i - j;
  });
  return order;
}

/**
 * One text key under AG Grid's default order (`<` on UTF-16 code units, blanks first), without
 * 1.7 million comparator calls for 100,000 names: rows are first ordered by radix on their first
 * four code units (a shorter text counts its missing units as 0, so a prefix still comes first),
 * then each run of equal prefixes (a city and a brand, a surname and a given name: a handful of
 * rows) is sorted with the full comparison, ties in the incoming order. Null when a value is neither a
 * text nor blank (then defaultOrder decides).
 */
function textOrder(values: readonly unknown[], descending: boolean): number[] | null {
  const n = values.length;
  const texts: number[] = [];
  const blanks: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) blanks.push(i);
    else if (typeof v === 'string') texts.push(i);
    else return null;
  }
  // The first four code units as two 32-bit keys, reversed when descending. The keys never
  // decide between texts they cannot tell apart: equal keys go to the full comparison.
  const m = texts.length;
  const high = new Uint32Array(m);
  const low = new Uint32Array(m);
  const unit = (v: string, i: number): number => (i < v.length ? v.charCodeAt(i) : 0);
  for (let t = 0; t < m; t++) {
    const v = values[texts[t] ?? 0] as string;
    const h = ((unit(v, 0) << 16) | unit(v, 1)) >>> 0;
    const l = ((unit(v, 2) << 16) | unit(v, 3)) >>> 0;
    high[t] = descending ? 0xffffffff - h : h;
    low[t] = descending ? 0xffffffff - l : l;
  }
  const identity = new Uint32Array(m);
  for (let t = 0; t < m; t++) identity[t] = t;
  // Least significant key first: each pass is stable, so ties end in the incoming order.
  const ranked = radixPasses(high, radixPasses(low, identity));
  const sign = descending ? -1 : 1;
  const compare = (i: number, j: number): number => {
    const a = values[i] as string;
    const b = values[j] as string;
    return a < b ? -sign : a > b ? sign : i - j;
  };
  // Blanks come first ascending and last descending, among themselves in the incoming order.
  const order: number[] = descending ? [] : blanks.slice();
  let start = 0;
  while (start < m) {
    const h = high[ranked[start] ?? 0];
    const l = low[ranked[start] ?? 0];
    let end = start + 1;
    while (end < m && high[ranked[end] ?? 0] === h && low[ranked[end] ?? 0] === l) end++;
    if (end - start === 1) {
      order.push(texts[ranked[start] ?? 0] ?? 0);
    } else {
      const run: number[] = [];
      for (let r = start; r < end; r++) run.push(texts[ranked[r] ?? 0] ?? 0);
      run.sort(compare);
      for (const i of run) order.push(i);
    }
    start = end;
  }
  if (descending) for (const i of blanks) order.push(i);
  return order;
}

/**
 * The sorted order of n rows (indices into `nodes`), exactly as AG Grid sorts them: keys in
 * turn, a descending key reverses its comparator, ties keep the incoming order.
 */
export function sortedOrder<N>(keys: readonly SortKey<N>[], nodes: readonly N[]): readonly number[] | Uint32Array {
  const [first] = keys;
  if (keys.length === 1 && first && !first.compare) return numericOrder(first.values, first.descending) ?? textOrder(first.values, first.descending) ?? defaultOrder(first.values, first.descending);
  if (keys.length === 1 && first?.compare && valueOnly.has(first.compare)) {
    const fast = distinctValueOrder(first.values, first.compare as unknown as (a: unknown, b: unknown) => number, first.descending);
    if (fast) return fast;
  }
  const compares = keys.map((k) => {
    const { values, compare, descending } = k;
    const sign = descending ? -1 : 1;
    if (!compare) return (i: number, j: number) => sign * defaultCompare(values[i], values[j]);
    return (i: number, j: number) => sign * compare(values[i], values[j], nodes[i] as N, nodes[j] as N, descending);
  });
  const order = indices(nodes.length);
  order.sort((i, j) => {
    for (const c of compares) {
      const r = c(i, j);
      if (r) return r;
    }
    return i - j;
  });
  return order;
}

/** postSortRows: sorts `nodes` in place by the grid's sort model (see withOneReadSort). */
export function sortRowsOnce<T>({ api, nodes }: PostSortRowsParams<T>): void {
  if (nodes.length < 2) return;
  const keys = api
    .getColumnState()
    .filter((s) => s.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .flatMap((s): SortKey<IRowNode<T>>[] => {
      const column = api.getColumn(s.colId);
      if (!column) return [];
      const context = column.getColDef().context as SortContext<T> | undefined;
      return [{ compare: context?.compare, values: valuesOf(api, column, nodes), descending: s.sort === 'desc' }];
    });
  if (keys.length === 0) return;
  const incoming = nodes.slice();
  const order = sortedOrder(keys, incoming);
  for (let to = 0; to < order.length; to++) {
    const node = incoming[order[to] ?? to];
    if (node) nodes[to] = node;
  }
}
