/** The areas of the main window, in navigation order. Each has a hash route `#/<area>`. */
export const areas = ['customers', 'segments', 'warnings', 'complaints', 'visits', 'surveys', 'reports', 'settings'] as const;

export type Area = (typeof areas)[number];

const defaultArea: Area = 'customers';

function isArea(value: string): value is Area {
  return (areas as readonly string[]).includes(value);
}

export function hrefFor(area: Area): string {
  return `#/${area}`;
}

/** `#/customers`, `#customers`, `#/customers/12` → `customers`; anything else → the default area. */
export function areaFromHash(hash: string): Area {
  const first = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return isArea(first) ? first : defaultArea;
}
