/**
 * Order statistics without a full sort. Segmentation needs only a few ranks
 * of each measure (four quintile cuts, one median), so selecting them costs
 * O(n) per rank instead of O(n log n) for sorting every value.
 */

/**
 * Rearranges `a[lo..hi]` (inclusive) so that position `k` holds the value a
 * numeric ascending sort would put there, everything before it is ≤ and
 * everything after it ≥ (numerically: -0 and +0 count as equal). Three-way
 * partitions, so long runs of equal values (counts, tags, zero spend) end the
 * search at once instead of degrading it. Values must not be NaN.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (lo < hi) {
    // Median of three as the pivot: sorted or reversed inputs stay linear.
    const x = a[lo] as number;
    const y = a[(lo + hi) >> 1] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Dutch flag: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i] as number;
      if (v < pivot) {
        a[i] = a[lt] as number;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt] as number;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k] as number;
}

/**
 * The values at the given ascending positions of the numerically sorted
 * `values` (each 0 ≤ rank < length), without sorting and without changing
 * `values`. Each selection leaves everything after its rank ≥ it, so the next
 * (higher) rank is searched only there.
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[]): number[] {
  const a = values.slice();
  const out: number[] = [];
  let from = 0;
  for (const k of ranks) {
    out.push(selectInPlace(a, k, from, a.length - 1));
    from = k;
  }
  return out;
}
