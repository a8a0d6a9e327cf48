/** Money is integer cents (分) in storage and on the wire; formatting happens only at the edge. */
export function yuanToCents(yuan: number): number {
  return Math.round(yuan * 100);
}

export function centsToYuan(cents: number): number {
  return cents / 100;
}

// One formatter per locale: building an Intl.NumberFormat costs far more than formatting with
// one, and the customer grid formats a money cell for every cell it draws (sort, scroll).
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '';
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  return format.format(cents / 100);
}
