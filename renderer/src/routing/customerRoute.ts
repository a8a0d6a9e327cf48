/** Sub-routes of the customers area: `#/customers`, `#/customers/<id>` (profile), `#/customers/duplicates`. */
export type CustomerRoute = { kind: 'grid' } | { kind: 'profile'; id: number } | { kind: 'duplicates' };

export function customerRouteFromHash(hash: string): CustomerRoute {
  const parts = hash.replace(/^#\/?/, '').split(/[/?]/);
  if (parts[0] !== 'customers') return { kind: 'grid' };
  const sub = parts[1] ?? '';
  if (sub === 'duplicates') return { kind: 'duplicates' };
  if (/^\d+$/.test(sub) && Number(sub) > 0) return { kind: 'profile', id: Number(sub) };
  return { kind: 'grid' };
}

export const profileHref = (id: number): string => `#/customers/${id}`;
export const duplicatesHref = '#/customers/duplicates';
export const gridHref = '#/customers';
