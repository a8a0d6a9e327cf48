import { useSyncExternalStore } from 'react';
import { areaFromHash, type Area } from '../routing/areas';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentArea(): Area {
  return areaFromHash(window.location.hash);
}

/** The area named by the location hash (`#/customers` …); re-renders when the hash changes. */
export function useHashRoute(): Area {
  return useSyncExternalStore(subscribe, currentArea);
}
