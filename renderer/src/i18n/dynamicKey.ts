import type { TFunction } from 'i18next';

/**
 * Translates a key composed at run time, such as `customers.status.${status}`.
 * i18next's typed `t` checks literal keys well, but a composed key makes the
 * compiler expand every key of the catalogue, and past ~700 keys it gives up
 * ("type instantiation is excessively deep"). Keys passed here are not checked
 * at compile time: keep their parts typed (enums) so a wrong one cannot be made.
 */
export function tDynamic(t: TFunction, key: string, options?: Record<string, unknown>): string {
  return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}
