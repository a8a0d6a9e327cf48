import { createContext, useContext, useState, type ReactNode } from 'react';

const PageActive = createContext(true);

/** Whether the page this is rendered in is the one on screen (false while a kept page waits hidden). */
export function usePageActive(): boolean {
  return useContext(PageActive);
}

/**
 * Mounts its page the first time it is active and keeps it mounted, hidden, while another page
 * is shown: coming back finds the page as it was left (a grid's sort, filters, search, selection
 * and scroll position) at once, without building it again.
 */
export function KeptAlive({ active, children }: { active: boolean; children: ReactNode }) {
  const [visited, setVisited] = useState(active);
  // Adjusting state while rendering (React's documented pattern): mounted in the same render that first shows it.
  if (active && !visited) setVisited(true);
  if (!visited && !active) return null;
  return (
    <div className="kept-page" hidden={!active} data-testid="kept-page">
      <PageActive.Provider value={active}>{children}</PageActive.Provider>
    </div>
  );
}
