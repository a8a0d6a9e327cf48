/**
 * Choices that belong to this computer rather than to the shared database file (which may
 * sit on a network drive used from several desks): kept in the renderer's local storage.
 */
const ME_KEY = 'patron.me.staffId';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The staff member who uses this computer ("I am …"), or null for the system user name. */
export function readMe(): number | null {
  const value = Number(storage()?.getItem(ME_KEY) ?? '');
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function writeMe(staffId: number | null): void {
  const s = storage();
  if (!s) return;
  if (staffId === null) s.removeItem(ME_KEY);
  else s.setItem(ME_KEY, String(staffId));
}
