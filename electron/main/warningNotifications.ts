import { Notification } from 'electron';
import type { Services } from '../services';

/** Text of the desktop notification in the UI language (the main process has no i18next). */
const text = {
  'zh-CN': { title: '今日跟进', body: (n: number) => `新增 ${n} 条需要跟进的预警` },
  en: { title: 'Today', body: (n: number) => `${n} new follow-up${n === 1 ? '' : 's'} due` },
} as const;

/** Shows a desktop notification when a warning run raises new alerts, unless switched off in Settings. */
export function notifyNewWarnings(services: Services, onClick: () => void): void {
  services.warnings.onRunFinished((r) => {
    if (r.raised === 0 || !services.warnings.settings().notifications || !Notification.isSupported()) return;
    const t = text[services.settings.get().language ?? 'en'];
    const n = new Notification({ title: t.title, body: t.body(r.raised) });
    n.on('click', onClick);
    n.show();
  });
}
