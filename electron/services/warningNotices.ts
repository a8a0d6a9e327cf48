/**
 * Texts of the desktop notifications about warnings, in the UI language (the main
 * process has no i18next). Kept apart from the Electron code so tests can load them.
 */
export type NoticeLanguage = 'zh-CN' | 'en';

const texts = {
  'zh-CN': {
    title: '今日跟进',
    raised: (n: number) => `新增 ${n} 条需要跟进的预警`,
    due: (today: number, overdue: number) => [today > 0 ? `${today} 条跟进今天到期` : '', overdue > 0 ? `${overdue} 条跟进已逾期` : ''].filter(Boolean).join('，'),
  },
  en: {
    title: 'Today',
    raised: (n: number) => `${n} new follow-up${n === 1 ? '' : 's'} due`,
    due: (today: number, overdue: number) =>
      [today > 0 ? `${today} follow-up${today === 1 ? '' : 's'} due today` : '', overdue > 0 ? `${overdue} follow-up${overdue === 1 ? '' : 's'} overdue` : ''].filter(Boolean).join(', '),
  },
} as const;

export const noticeTitle = (language: NoticeLanguage): string => texts[language].title;

/** A run raised `n` new alerts. */
export const raisedNotice = (language: NoticeLanguage, n: number): string => texts[language].raised(n);

/** Open alerts fell due: `today` are due later today, `overdue` are past their due time (each announced once). */
export const dueNotice = (language: NoticeLanguage, due: { today: number; overdue: number }): string => texts[language].due(due.today, due.overdue);
