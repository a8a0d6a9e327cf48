import { describe, expect, it } from 'vitest';
import { byValueOnly, sortedOrder, type SortKey } from '../../renderer/src/grid/fastSort';

/** The plain stable sort AG Grid does: keys in turn, descending negates, blanks first ascending, ties by incoming order. */
function reference<N>(keys: readonly SortKey<N>[], nodes: readonly N[]): number[] {
  const plain = (a: unknown, b: unknown) => {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return (a as number) > (b as number) ? 1 : (a as number) < (b as number) ? -1 : 0;
  };
  return nodes
    .map((_, i) => i)
    .sort((i, j) => {
      for (const k of keys) {
        const r = k.compare ? k.compare(k.values[i], k.values[j], nodes[i] as N, nodes[j] as N, k.descending) : plain(k.values[i], k.values[j]);
        if (r) return k.descending ? -r : r;
      }
      return i - j;
    });
}

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('the grid sort (fastSort.sortedOrder)', () => {
  const next = random(42);
  const n = 5000;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: i }));
  const cents = nodes.map(() => (next() < 0.1 ? null : Math.round((next() - 0.3) * 100) * 1000));
  const names = nodes.map(() => (next() < 0.05 ? null : String.fromCharCode(0x4e00 + Math.floor(next() * 30))));
  const fractions = nodes.map(() => (next() < 0.1 ? undefined : Math.round(next() * 10) / 4));

  it.each([false, true])('orders whole numbers with blanks and ties exactly as AG Grid does (descending: %s)', (descending) => {
    const keys = [{ values: cents, descending }];
    expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
  });

  it.each([false, true])('orders texts and fractions the same way (descending: %s)', (descending) => {
    for (const values of [names, fractions]) {
      const keys = [{ values, descending }];
      expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
    }
  });

  it.each([false, true])('orders texts by their first two code units, then in full, exactly as AG Grid does (descending: %s)', (descending) => {
    // Short texts over a small alphabet, so prefixes, prefixes of each other, equal texts, the
    // empty text, U+0000, surrogate halves and blanks all meet.
    const alphabet = ['\u0000', 'a', 'B', '张', '张', '王', '\ud83d\ude00', '\uffff'];
    const texts = nodes.map(() => {
      const r = next();
      if (r < 0.04) return null;
      if (r < 0.06) return undefined;
      let v = '';
      const len = Math.floor(next() * 7);
      for (let i = 0; i < len; i++) v += alphabet[Math.floor(next() * alphabet.length)] ?? '';
      return v;
    });
    const keys = [{ values: texts, descending }];
    expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
    // A number among the texts: the general comparison decides, with the same result as AG Grid.
    const mixed = texts.map((v, i) => (i === 7 ? 3 : v));
    const mixedKeys = [{ values: mixed, descending }];
    expect([...sortedOrder(mixedKeys, nodes)]).toEqual(reference(mixedKeys, nodes));
  });

  it.each([false, true])('orders long runs of texts sharing a prefix (codes, phones) by their next code units, exactly as AG Grid does (descending: %s)', (descending) => {
    // Most texts share their first four units, so runs hold hundreds of rows and are ordered two
    // units at a time, several levels deep; U+0000 and missing units, texts that are prefixes of
    // others, equal texts, surrogate halves and U+FFFF all meet within them.
    const tails = ['\u0000', '0', '1', '9', 'x', '张', '\ud83d\ude00', '\uffff'];
    const prefixes = ['C000', 'C00', 'ab\u0000\u0000', 'ab\u0000', 'ab', '138'];
    const texts = nodes.map(() => {
      if (next() < 0.03) return null;
      let v = prefixes[Math.floor(next() * prefixes.length)] ?? '';
      const len = Math.floor(next() * 9);
      for (let i = 0; i < len; i++) v += tails[Math.floor(next() * (i < 2 ? 3 : tails.length))] ?? '';
      return v;
    });
    const keys = [{ values: texts, descending }];
    expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
    // One long text on most rows (a note copied everywhere), a few that differ only at the end.
    const long = 'Bulk note: '.repeat(20);
    const copies = nodes.map((_, i) => (i % 97 === 0 ? `${long}${String(i % 3)}` : i % 89 === 0 ? long.slice(0, -1) : long));
    const copyKeys = [{ values: copies, descending }];
    expect([...sortedOrder(copyKeys, nodes)]).toEqual(reference(copyKeys, nodes));
    // Codes as the grid has them: one run per prefix of a thousand.
    const codes = nodes.map((_, i) => `C${String((i * 7919) % n).padStart(6, '0')}`);
    const codeKeys = [{ values: codes, descending }];
    expect([...sortedOrder(codeKeys, nodes)]).toEqual(reference(codeKeys, nodes));
  });

  it('uses a column comparator (with the nodes) and several keys in turn', () => {
    const rank = ['prospect', 'active', 'dormant', 'lost'];
    const status = nodes.map(() => rank[Math.floor(next() * 4)]);
    const byRank = (a: unknown, b: unknown) => rank.indexOf(a as string) - rank.indexOf(b as string);
    const byIdParity = (_a: unknown, _b: unknown, x: { id: number }, y: { id: number }) => (x.id % 2) - (y.id % 2);
    const keys: SortKey<{ id: number }>[] = [
      { values: status, compare: byRank, descending: true },
      { values: nodes.map(() => null), compare: byIdParity, descending: false },
      { values: cents, descending: false },
    ];
    const order = [...sortedOrder(keys, nodes)];
    expect(order).toEqual(reference(keys, nodes));
    expect(status[order[0] ?? 0]).toBe('lost');
  });

  it.each([false, true])('orders wide whole numbers (beyond 32-bit ranks, packed doubles) the same way (descending: %s)', (descending) => {
    const wide = cents.map((c, i) => (c === null ? null : c * 1000 + (i % 7)));
    const keys = [{ values: wide, descending }];
    expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
  });

  it.each([false, true])('ranks the distinct values of a value-only comparator, blanks included, as a full sort would (descending: %s)', (descending) => {
    const rank = ['prospect', 'active', 'dormant', 'lost'];
    const status = nodes.map(() => (next() < 0.1 ? null : rank[Math.floor(next() * 4)]));
    // Blanks (and unknown values) last, as the grid's vocabulary columns sort them.
    const byRank = byValueOnly((a: unknown, b: unknown) => {
      const r = (v: unknown) => (typeof v === 'string' && rank.includes(v) ? rank.indexOf(v) : rank.length);
      return r(a) - r(b);
    });
    const keys: SortKey<{ id: number }>[] = [{ values: status, compare: byRank, descending }];
    const order = [...sortedOrder(keys, nodes)];
    expect(order).toEqual(reference(keys, nodes));
    expect(status[order[0] ?? 0]).toBe(descending ? null : 'prospect');
  });

  it('falls back to comparing when packed keys would not be exact', () => {
    const huge = nodes.map((_, i) => (i % 3 === 0 ? Number.MAX_SAFE_INTEGER - i : -Number.MAX_SAFE_INTEGER + i));
    const keys = [{ values: huge, descending: false }];
    expect([...sortedOrder(keys, nodes)]).toEqual(reference(keys, nodes));
  });
});
