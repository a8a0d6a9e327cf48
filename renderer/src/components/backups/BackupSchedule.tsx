import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../../shared/domain/backups';
import { useBackups } from '../../stores/backups';

const fields = [
  ['intervalMinutes', 0, 1440],
  ['keepRecent', 1, 1000],
  ['dailyDays', 0, 366],
  ['weeklyWeeks', 0, 520],
] as const;
type Field = (typeof fields)[number][0];

function valuesOf(s: BackupSettings): Record<Field, string> {
  return {
    intervalMinutes: String(s.intervalMinutes),
    keepRecent: String(s.retention.keepRecent),
    dailyDays: String(s.retention.dailyDays),
    weeklyWeeks: String(s.retention.weeklyWeeks),
  };
}

/** How often automatic backups run and how many are kept. */
export function BackupSchedule() {
  const settings = useBackups((s) => s.settings);
  // Keyed by the saved values, so the form starts over from them whenever they change.
  return settings ? <ScheduleForm key={JSON.stringify(settings)} saved={settings} /> : null;
}

function ScheduleForm({ saved }: { saved: BackupSettings }) {
  const { t } = useTranslation();
  const busy = useBackups((s) => s.busy);
  const [draft, setDraft] = useState<Record<Field, string>>(() => valuesOf(saved));
  const parsed = Object.fromEntries(fields.map(([f]) => [f, Number(draft[f])])) as Record<Field, number>;
  const valid = fields.every(([f, min, max]) => draft[f].trim() !== '' && Number.isInteger(parsed[f]) && parsed[f] >= min && parsed[f] <= max);

  return (
    <form
      className="backups__schedule"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        void useBackups.getState().configure({
          intervalMinutes: parsed.intervalMinutes,
          retention: { keepRecent: parsed.keepRecent, dailyDays: parsed.dailyDays, weeklyWeeks: parsed.weeklyWeeks },
        });
      }}
    >
      <h3 className="section-subtitle">{t('backups.scheduleHeading')}</h3>
      <div className="backups__grid">
        {fields.map(([f, min, max]) => (
          <label key={f} className="backups__number">
            <span>{t(`backups.schedule.${f}`)}</span>
            <input
              type="number"
              min={min}
              max={max}
              step={1}
              value={draft[f]}
              data-testid={`backup-${f}`}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <p className="muted">{t('backups.scheduleHint')}</p>
      <div className="backups__actions">
        <button type="submit" className="button" disabled={!valid || busy !== null}>
          {t('backups.saveSchedule')}
        </button>
        {!valid && <span className="backups__invalid">{t('backups.scheduleInvalid')}</span>}
      </div>
    </form>
  );
}
