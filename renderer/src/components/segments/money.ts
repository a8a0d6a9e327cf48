/** Whole yuan for the Segments page's sums (cents would only crowd the cards). */
export function formatYuan(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(cents / 100);
}
