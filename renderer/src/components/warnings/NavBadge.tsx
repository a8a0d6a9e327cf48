import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../routing/areas';
import { useInbox } from '../../stores/inbox';

let started = false;

/** The small count beside Today (follow-ups overdue or due today) and Complaints (unresolved). */
export function NavBadge({ area }: { area: Area }) {
  const { t } = useTranslation();
  const counts = useInbox((s) => s.counts);
  useEffect(() => {
    if (started) return;
    started = true;
    void useInbox.getState().loadCounts();
  }, []);
  const n = area === 'warnings' ? counts?.due : area === 'complaints' ? counts?.complaintsOpen : undefined;
  if (!n) return null;
  return (
    <span className="nav-badge" data-testid={`nav-badge-${area}`} aria-label={`${t(`nav.${area}`)}: ${String(n)}`}>
      {n > 999 ? '999+' : n}
    </span>
  );
}
