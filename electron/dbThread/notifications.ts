import type { Services } from '../services';
import { dueNotice, noticeTitle, raisedNotice } from '../services/warningNotices';

/**
 * Desktop notifications about warnings, unless switched off in Settings: when a run
 * raises new alerts, and once per alert when an open alert falls due (due today or
 * overdue). `show` asks the window process to display one. Returns the due check,
 * which the schedule calls every 15 minutes.
 */
export function announceWarnings(services: Services, supported: boolean, show: (title: string, body: string) => void): () => void {
  const enabled = () => supported && services.warnings.settings().notifications;
  const notify = (body: (language: 'zh-CN' | 'en') => string) => {
    const language = services.settings.get().language ?? 'en';
    show(noticeTitle(language), body(language));
  };
  const checkDue = () => {
    // Claimed even while switched off, so switching on later does not announce a backlog.
    const due = services.warnings.claimDueNotices();
    if (due.today + due.overdue > 0 && enabled()) notify((language) => dueNotice(language, due));
  };
  services.warnings.onRunFinished((r) => {
    if (r.raised > 0 && enabled()) notify((language) => raisedNotice(language, r.raised));
    checkDue();
  });
  return checkDue;
}
