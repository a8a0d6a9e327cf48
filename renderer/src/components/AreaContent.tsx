import { CustomersPage } from '../pages/CustomersPage';
import { SettingsPage } from '../pages/SettingsPage';
import type { Area } from '../routing/areas';
import { SegmentsPage } from '../pages/SegmentsPage';
import { ComplaintsPage } from '../pages/ComplaintsPage';
import { TodayPage } from '../pages/TodayPage';
import { VisitsPage } from '../pages/VisitsPage';
import { SurveysPage } from '../pages/SurveysPage';
import { ReportsPage } from '../pages/ReportsPage';

/** The page for the area the hash names. */
export function AreaContent({ area }: { area: Area }) {
  if (area === 'customers') return <CustomersPage />;
  if (area === 'settings') return <SettingsPage />;
  if (area === 'segments') return <SegmentsPage />;
  if (area === 'warnings') return <TodayPage />;
  if (area === 'complaints') return <ComplaintsPage />;
  if (area === 'visits') return <VisitsPage />;
  if (area === 'surveys') return <SurveysPage />;
  return <ReportsPage />;
}
