import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../shared/domain/customer';
import { mergeRows } from '../../renderer/src/grid/mergeRows';
import { maxRefreshIds, refreshIds } from '../../shared/domain/rowRefresh';
import { matchesTerms, searchTerms } from '../../renderer/src/grid/quickSearch';

const row = (id: number, name: string) => ({ id, name }) as CustomerRow;

describe('putting refreshed rows into the grid list (mergeRows)', () => {
  it('replaces asked-for rows in place, drops those that did not come back, appends new ones, keeps the rest as the same objects', () => {
    const rows = [row(1, 'a'), row(2, 'b'), row(3, 'c'), row(4, 'd')];
    const patch = mergeRows(rows, [2, 3, 9], [row(2, 'B'), row(9, 'new')]);
    const merged = patch.to;
    expect(patch.from).toBe(rows);
    expect([patch.update, patch.add, patch.remove].map((list) => list.map((r) => r.name))).toEqual([['B'], ['new'], ['c']]);
    expect(merged.map((r) => [r.id, r.name])).toEqual([
      [1, 'a'],
      [2, 'B'],
      [4, 'd'],
      [9, 'new'],
    ]);
    expect(merged[0]).toBe(rows[0]);
    expect(merged[2]).toBe(rows[3]);
    expect(rows).toHaveLength(4);
  });
});

describe('quick search terms', () => {
  it('like AG Grid: case-insensitive, every space-separated term must occur; blank is no search', () => {
    expect(searchTerms('   ')).toBeNull();
    expect(searchTerms(' zs  Hangzhou ')).toEqual(['ZS', 'HANGZHOU']);
    const text = '张三\nZHANGSAN ZS\n杭州\nHANGZHOU';
    expect(matchesTerms(text, searchTerms('zs hangzhou') ?? [])).toBe(true);
    expect(matchesTerms(text, searchTerms('zs beijing') ?? [])).toBe(false);
    expect(matchesTerms(text, searchTerms('张三') ?? [])).toBe(true);
  });
});

describe('customer ids on change events', () => {
  it('are sent up to maxRefreshIds; beyond that none, so listeners reload the whole list', () => {
    const ids = Array.from({ length: maxRefreshIds }, (_, i) => i + 1);
    expect(refreshIds(ids)).toEqual(ids);
    expect(refreshIds([...ids, maxRefreshIds + 1])).toBeUndefined();
  });
});
