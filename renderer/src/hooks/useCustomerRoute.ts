import { useSyncExternalStore } from 'react';
import { customerRouteFromHash, type CustomerRoute } from '../routing/customerRoute';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let last: { hash: string; route: CustomerRoute } | null = null;

/** The same route object while the hash stays the same (useSyncExternalStore needs a stable snapshot). */
function current(): CustomerRoute {
  const hash = window.location.hash;
  if (last?.hash !== hash) last = { hash, route: customerRouteFromHash(hash) };
  return last.route;
}

export function useCustomerRoute(): CustomerRoute {
  return useSyncExternalStore(subscribe, current);
}
