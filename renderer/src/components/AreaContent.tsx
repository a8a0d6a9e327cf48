import { CustomersPage } from '../pages/CustomersPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { SettingsPage } from '../pages/SettingsPage';
import { isPlannedArea, type Area } from '../routing/areas';
// — Backups, restore and integrity —
// — Import and export —
// — Customer profiles: editing, views, duplicates, audit —
// — Segmentation and lifetime value —
import { SegmentsPage } from '../pages/SegmentsPage';
// — Warnings, complaints and care reminders —
import { ComplaintsPage } from '../pages/ComplaintsPage';
import { TodayPage } from '../pages/TodayPage';
// — Visit plans and printing —
import { VisitsPage } from '../pages/VisitsPage';
// — Satisfaction surveys —
import { SurveysPage } from '../pages/SurveysPage';
// — Dashboard and reports —
import { ReportsPage } from '../pages/ReportsPage';
// — Loyalty: levels, points, referrals —

/** The page for the area the hash names. */
export function AreaContent({ area }: { area: Area }) {
  if (area === 'customers') return <CustomersPage />;
  if (area === 'settings') return <SettingsPage />;
  // — Backups, restore and integrity —
  // — Import and export —
  // — Customer profiles: editing, views, duplicates, audit —
  // — Segmentation and lifetime value —
  if (area === 'segments') return <SegmentsPage />;
  // — Warnings, complaints and care reminders —
  if (area === 'warnings') return <TodayPage />;
  if (area === 'complaints') return <ComplaintsPage />;
  // — Visit plans and printing —
  if (area === 'visits') return <VisitsPage />;
  // — Satisfaction surveys —
  if (area === 'surveys') return <SurveysPage />;
  // — Dashboard and reports —
  if (area === 'reports') return <ReportsPage />;
  // — Loyalty: levels, points, referrals —
  if (isPlannedArea(area)) return <PlaceholderPage area={area} />;
  return null;
}
