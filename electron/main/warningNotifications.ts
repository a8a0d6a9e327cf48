import { Notification } from 'electron';
import type { Services } from '../services';
import { dueNotice, noticeTitle, raisedNotice } from '../services/warningNotices';

/**
 * Desktop notifications about warnings, unless switched off in Settings: when a run
 * raises new alerts, and once per alert when an open alert falls due (due today or
 * overdue). Returns the due check, which the schedule calls every 15 minutes.
 */
export function notifyNewWarnings(services: Services, onClick: () => void): () => void {
  const enabled = () => services.warnings.settings().notifications && Notification.isSupported();
  const show = (body: (language: 'zh-CN' | 'en') => string) => {
    const language = services.settings.get().language ?? 'en';
    const n = new Notification({ title: noticeTitle(language), body: body(language) });
    n.on('click', onClick);
    n.show();
  };
  const checkDue = () => {
    // Claimed even while switched off, so switching on later does not announce a backlog.
    const due = services.warnings.claimDueNotices();
    if (due.today + due.overdue > 0 && enabled()) show((language) => dueNotice(language, due));
  };
  services.warnings.onRunFinished((r) => {
    if (r.raised > 0 && enabled()) show((language) => raisedNotice(language, r.raised));
    checkDue();
  });
  return checkDue;
}
