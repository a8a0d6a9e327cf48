import type { Column, ColDef, ColumnState, GridApi, IRowNode, PostSortRowsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { byValueOnly, RowSorter, withOneReadSort } from '../../renderer/src/grid/fastSort';

interface Row {
  id: number;
  name: string | null;
  level: string;
}

/**
 * The few GridApi calls RowSorter makes, over plain row nodes: AG Grid's column state (which
 * columns sort, in which order and direction), its columns and its cell values. Counts the
 * values read, to see when kept ranks are used instead.
 */
function grid(columns: ColDef<Row>[], rows: Row[]) {
  let defs = withOneReadSort(columns);
  const nodes = rows.map((data, i) => ({ data, sourceRowIndex: i }) as unknown as IRowNode<Row>);
  const column = (def: ColDef<Row>) => ({ getColDef: () => def, getColId: () => def.colId ?? def.field }) as unknown as Column;
  const state: ColumnState[] = [];
  let reads = 0;
  let destroyed = false;
  const api = {
    isDestroyed: () => destroyed,
    getColumnState: () => state,
    getColumn: (id: string) => {
      const def = defs.find((d) => (d.colId ?? d.field) === id);
      return def ? column(def) : null;
    },
    getCellValue: ({ rowNode, colKey }: { rowNode: IRowNode<Row>; colKey: Column }) => {
      reads++;
      const def = colKey.getColDef();
      return typeof def.valueGetter === 'function' ? (def.valueGetter({ data: rowNode.data } as never) as unknown) : undefined;
    },
    forEachLeafNode: (f: (n: IRowNode<Row>) => void) => nodes.forEach(f),
  } as unknown as GridApi<Row>;
  const sorter = new RowSorter<Row>();
  return {
    nodes,
    sorter,
    api,
    reads: () => reads,
    destroy: () => {
      destroyed = true;
    },
    column: (id: string) => api.getColumn(id) as Column,
    /** New column definitions, as after a language switch (the grid's columns then hand out the new ones). */
    redefine: () => {
      defs = withOneReadSort(columns);
    },
    /** Sorts these nodes (all by default) by `sort` as AG Grid would hand them to postSortRows; returns the ids in order. */
    sort(sort: ColumnState[], subset: IRowNode<Row>[] = nodes) {
      state.splice(0, state.length, ...sort);
      const shown = subset.slice();
      sorter.postSortRows({ api, nodes: shown } as unknown as PostSortRowsParams<Row>);
      return shown.map((n) => n.data?.id);
    },
  };
}

const levels = ['bronze', 'silver', 'gold'];
const columns: ColDef<Row>[] = [
  { colId: 'name', valueGetter: (p) => p.data?.name ?? null },
  { field: 'level', comparator: byValueOnly((a: unknown, b: unknown) => levels.indexOf(a as string) - levels.indexOf(b as string)) },
];
const rows: Row[] = [
  { id: 1, name: '王五', level: 'gold' },
  { id: 2, name: '张三', level: 'bronze' },
  { id: 3, name: null, level: 'silver' },
  { id: 4, name: '李四', level: 'gold' },
  { id: 5, name: '张三', level: 'silver' },
  { id: 6, name: 'Alice', level: 'bronze' },
];

describe('RowSorter (the grid postSortRows keeping ranks per column)', () => {
  it('sorts both ways from the ranks kept by the first sort, without reading the values again', () => {
    const g = grid(columns, rows.map((r) => ({ ...r })));
    expect(g.sort([{ colId: 'name', sort: 'asc' }])).toEqual([3, 6, 2, 5, 4, 1]);
    const reads = g.reads();
    expect(reads).toBe(6);
    // Descending: blanks last, equal names (2 and 5) still in the incoming order.
    expect(g.sort([{ colId: 'name', sort: 'desc' }])).toEqual([1, 4, 2, 5, 6, 3]);
    expect(g.reads()).toBe(reads);
  });

  it('ranks a row again once it holds new data (an edit), and sorts a filtered subset by the kept ranks', () => {
    const g = grid(columns, rows.map((r) => ({ ...r })));
    g.sort([{ colId: 'name', sort: 'asc' }]);
    const edited = g.nodes[0];
    if (!edited?.data) throw new Error('no row');
    (edited as { data: Row }).data = { ...edited.data, name: 'Aaron' };
    expect(g.sort([{ colId: 'name', sort: 'asc' }])).toEqual([3, 1, 6, 2, 5, 4]);
    const reads = g.reads();
    expect(g.sort([{ colId: 'name', sort: 'desc' }], [g.nodes[5], g.nodes[1], g.nodes[3]].filter((n) => n !== undefined))).toEqual([4, 2, 6]);
    expect(g.reads()).toBe(reads);
  });

  it('sorts several columns in turn, and drops the kept ranks on clear()', () => {
    const g = grid(columns, rows.map((r) => ({ ...r })));
    const model: ColumnState[] = [
      { colId: 'level', sort: 'desc', sortIndex: 0 },
      { colId: 'name', sort: 'asc', sortIndex: 1 },
    ];
    expect(g.sort(model)).toEqual([4, 1, 3, 5, 6, 2]);
    const reads = g.reads();
    g.sorter.clear();
    expect(g.sort(model)).toEqual([4, 1, 3, 5, 6, 2]);
    expect(g.reads()).toBe(reads + 6);
    // New definitions may compute other values (a language's separators): ranked again.
    g.redefine();
    expect(g.sort([{ colId: 'name', sort: 'desc' }])).toEqual([1, 4, 2, 5, 6, 3]);
    expect(g.reads()).toBe(reads + 12);
  });

  it('prepares a column in steps for idle time; rows or columns changed meanwhile leave nothing kept', () => {
    const asc = [{ colId: 'name', sort: 'asc' }] as ColumnState[];
    // Run to the end: the first sort reads no values.
    let g = grid(columns, rows.map((r) => ({ ...r })));
    let steps = g.sorter.prepareSteps(g.api, g.column('name'));
    let count = 0;
    while (steps.next().done !== true) count++;
    expect(count).toBeGreaterThanOrEqual(2);
    let reads = g.reads();
    expect(g.sort(asc)).toEqual([3, 6, 2, 5, 4, 1]);
    expect(g.reads()).toBe(reads);

    // A row edited (a new row object) while the values are read (after 2 steps), or after the
    // ranking step before the finished orders (after 3): nothing made from the old data is used,
    // so the sort reads the values again and uses the new name.
    for (const before of [2, 3]) {
      g = grid(columns, rows.map((r) => ({ ...r })));
      steps = g.sorter.prepareSteps(g.api, g.column('name'));
      for (let k = 0; k < before; k++) steps.next();
      const edited = g.nodes[0] as unknown as { data: Row };
      edited.data = { ...edited.data, name: 'Aaron' };
      while (steps.next().done !== true);
      reads = g.reads();
      expect(g.sort(asc)).toEqual([3, 1, 6, 2, 5, 4]);
      expect(g.reads()).toBe(reads + rows.length);
    }

    // New column definitions meanwhile (a language switch): nothing kept.
    g = grid(columns, rows.map((r) => ({ ...r })));
    steps = g.sorter.prepareSteps(g.api, g.column('name'));
    steps.next();
    g.redefine();
    while (steps.next().done !== true);
    reads = g.reads();
    g.sort(asc);
    expect(g.reads()).toBe(reads + rows.length);

    // The grid destroyed meanwhile: the steps end without reading on.
    g = grid(columns, rows.map((r) => ({ ...r })));
    steps = g.sorter.prepareSteps(g.api, g.column('name'));
    steps.next();
    g.destroy();
    reads = g.reads();
    expect(steps.next().done).toBe(true);
    expect(g.reads()).toBe(reads);
  });

  it('prepares a column ahead: its first sort then reads no values', () => {
    const g = grid(columns, rows.map((r) => ({ ...r })));
    g.sorter.prepare(g.api, g.column('name'));
    const reads = g.reads();
    g.sorter.warmUp(g.api, g.column('name'));
    expect(g.sort([{ colId: 'name', sort: 'asc' }])).toEqual([3, 6, 2, 5, 4, 1]);
    expect(g.reads()).toBe(reads);
  });

  describe('finished orders made while idle (prepare)', () => {
    /** Many rows with repeated names and levels, so ties must keep the incoming order. */
    const many = (): Row[] =>
      Array.from({ length: 400 }, (_, i) => ({ id: i + 1, name: i % 7 === 3 ? null : ['张三', '李四', 'Alice', '王五', 'Bob'][(i * 13) % 5] ?? null, level: levels[(i * 7) % 3] ?? 'gold' }));
    /** What a plain stable sort gives (AG Grid's order): the node's name or level, blanks first ascending, ties in the incoming order. */
    const plain = (nodes: IRowNode<Row>[], key: 'name' | 'level', descending: boolean) =>
      nodes
        .map((n, i) => ({ n, i }))
        .sort((a, b) => {
          const x = a.n.data?.[key] ?? null;
          const y = b.n.data?.[key] ?? null;
          const r = key === 'level' ? levels.indexOf(x ?? '') - levels.indexOf(y ?? '') : x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
          return (descending ? -r : r) || a.i - b.i;
        })
        .map(({ n }) => n.data?.id);

    it.each(['name', 'level'] as const)('sorts %s both ways from the order made ahead, exactly as a plain stable sort', (key) => {
      const g = grid(columns, many());
      g.sorter.prepare(g.api, g.column(key));
      const reads = g.reads();
      expect(g.sort([{ colId: key, sort: 'asc' }])).toEqual(plain(g.nodes, key, false));
      expect(g.sort([{ colId: key, sort: 'desc' }])).toEqual(plain(g.nodes, key, true));
      expect(g.reads()).toBe(reads);
    });

    it('is not used once a row holds new data (an edit): the new value sorts where it belongs', () => {
      const g = grid(columns, many());
      g.sorter.prepare(g.api, g.column('name'));
      const edited = g.nodes[399];
      if (!edited?.data) throw new Error('no row');
      (edited as { data: Row }).data = { ...edited.data, name: 'Aaron' };
      const order = g.sort([{ colId: 'name', sort: 'asc' }]);
      expect(order).toEqual(plain(g.nodes, 'name', false));
      expect(order.indexOf(400)).toBeLessThan(order.indexOf(g.nodes.find((n) => n.data?.name === 'Alice')?.data?.id));
    });

    it('is not used for other rows or another incoming order (a search, added rows), nor after clear() or new definitions', () => {
      const g = grid(columns, many());
      g.sorter.prepare(g.api, g.column('level'));
      // A search hands over a subset.
      const subset = g.nodes.filter((_, i) => i % 3 === 0);
      expect(g.sort([{ colId: 'level', sort: 'desc' }], subset)).toEqual(plain(subset, 'level', true));
      // The same rows in another order (ties then follow that order).
      const reversed = g.nodes.slice().reverse();
      expect(g.sort([{ colId: 'level', sort: 'asc' }], reversed)).toEqual(plain(reversed, 'level', false));
      // A value changed in place on a row that keeps its data object is no edit the grid makes (edits bring new objects),
      // but clear() (what the columns compute from changed) must still drop the finished order.
      const first = g.nodes[0];
      if (!first?.data) throw new Error('no row');
      first.data.level = 'gold';
      g.sorter.clear();
      expect(g.sort([{ colId: 'level', sort: 'asc' }])).toEqual(plain(g.nodes, 'level', false));
      g.sorter.prepare(g.api, g.column('level'));
      g.redefine();
      expect(g.sort([{ colId: 'level', sort: 'desc' }])).toEqual(plain(g.nodes, 'level', true));
    });

    it('is not used under new column definitions, which may compute other values (a language switch)', () => {
      let label = (level: string) => level;
      const g = grid([{ colId: 'label', valueGetter: (p) => (p.data ? label(p.data.level) : null) }], many());
      g.sorter.prepare(g.api, g.column('label'));
      label = (level) => String(2 - levels.indexOf(level));
      g.redefine();
      const expected = g.nodes
        .map((n, i) => ({ key: label(n.data?.level ?? ''), id: n.data?.id, i }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
        .map((r) => r.id);
      expect(g.sort([{ colId: 'label', sort: 'asc' }])).toEqual(expected);
    });

    it('leaves columns whose comparator looks at the rows to their sort, which is told the direction', () => {
      const byLevelThenId = (a: unknown, b: unknown, na: IRowNode<Row>, nb: IRowNode<Row>, descending: boolean) =>
        levels.indexOf(a as string) - levels.indexOf(b as string) || (descending ? 1 : -1) * ((na.data?.id ?? 0) - (nb.data?.id ?? 0));
      const g = grid([{ colId: 'aware', field: 'level', comparator: byLevelThenId }], many());
      g.sorter.prepare(g.api, g.column('aware'));
      const expected = (descending: boolean) =>
        g.nodes
          .slice()
          .sort((a, b) => (descending ? -1 : 1) * byLevelThenId(a.data?.level, b.data?.level, a, b, descending))
          .map((n) => n.data?.id);
      expect(g.sort([{ colId: 'aware', sort: 'asc' }])).toEqual(expected(false));
      expect(g.sort([{ colId: 'aware', sort: 'desc' }])).toEqual(expected(true));
    });
  });
});
