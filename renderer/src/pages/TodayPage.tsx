import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem, TodayDto } from '../../../shared/warnings/dto';
import { AlertCard } from '../components/warnings/AlertCard';
import { CarePanel } from '../components/warnings/CarePanel';
import { ComplaintLine } from '../components/warnings/ComplaintLine';
import { formatWhen } from '../components/warnings/formatWhen';
import '../components/warnings/warnings.css';
import { useInbox } from '../stores/inbox';
import { useSettings } from '../stores/settings';

const buckets = ['overdue', 'today', 'upcoming'] as const;

function Item({ item }: { item: InboxItem }) {
  if (item.kind === 'alert') return <AlertCard alert={item.alert} />;
  if (item.kind === 'complaint') return <ComplaintLine complaint={item.complaint} clock={item.clock} />;
  return null;
}

const itemKey = (i: InboxItem) => (i.kind === 'alert' ? `a${String(i.alert.id)}` : i.kind === 'complaint' ? `c${String(i.complaint.id)}` : `k${i.care.kind}${String(i.care.refId)}`);

/** 今日跟进: who needs attention today and why — overdue first, then due today, then upcoming; care reminders beside. */
export function TodayPage() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const { today, error, checking, load, run } = useInbox();

  useEffect(() => {
    void load();
  }, [load]);

  const busy = checking || today?.running === true;
  return (
    <section className="page" aria-labelledby="today-title" data-testid="today-page">
      <header className="page-header">
        <h1 id="today-title" className="page-title">
          {t('warnings.title')}
          {today && <span className="count-badge">{today.asOf}</span>}
        </h1>
        <div className="page-tools">
          {busy && (
            <span className="muted" role="status">
              {t('warnings.running')}
            </span>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void run()} data-testid="warnings-run">
            {t('warnings.runNow')}
          </button>
        </div>
      </header>
      {error && (
        <p className="error-notice" role="alert">
          {t('warnings.loadFailed')}: {error}
        </p>
      )}
      {today && (
        <p className="muted" data-testid="warnings-last-run">
          {today.lastRun ? t('warnings.lastRun', { finished: formatWhen(today.lastRun.finishedAt, language), asOf: today.lastRun.asOf, open: today.lastRun.open.toLocaleString(language) }) : t('warnings.noRun')}
        </p>
      )}
      {today && (
        <div className="today-layout">
          <div>
            {buckets.map((b) => (
              <Bucket key={b} name={b} bucket={today[b]} />
            ))}
          </div>
          <CarePanel items={today.care} daysAhead={today.careDaysAhead} />
        </div>
      )}
    </section>
  );
}

function Bucket({ name, bucket }: { name: (typeof buckets)[number]; bucket: TodayDto['overdue'] }) {
  const { t } = useTranslation();
  return (
    <section className={`card inbox-bucket inbox-bucket--${name}`} aria-labelledby={`bucket-${name}`} data-testid={`bucket-${name}`}>
      <h2 id={`bucket-${name}`} className="section-title">
        {t(`warnings.${name}`)} <span className="muted" data-testid={`bucket-${name}-total`}>{bucket.total}</span>
      </h2>
      {bucket.items.length === 0 ? (
        <p className="muted">{t('warnings.empty')}</p>
      ) : (
        <ul className="alert-list">
          {bucket.items.map((i) => (
            <Item key={itemKey(i)} item={i} />
          ))}
        </ul>
      )}
      {bucket.total > bucket.items.length && <p className="muted">{t('warnings.more', { count: bucket.total - bucket.items.length })}</p>}
    </section>
  );
}
