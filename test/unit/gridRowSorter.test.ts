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

    // A row edited between two steps (a new row object): nothing kept, the sort reads and uses the new name.
    g = grid(columns, rows.map((r) => ({ ...r })));
    steps = g.sorter.prepareSteps(g.api, g.column('name'));
    steps.next();
    steps.next();
    const edited = g.nodes[0] as unknown as { data: Row };
    edited.data = { ...edited.data, name: 'Aaron' };
    while (steps.next().done !== true);
    reads = g.reads();
    expect(g.sort(asc)).toEqual([3, 1, 6, 2, 5, 4]);
    expect(g.reads()).toBe(reads + rows.length);

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
});
