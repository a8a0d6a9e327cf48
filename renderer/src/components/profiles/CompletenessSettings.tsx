import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completenessFields, type CompletenessField } from '../../../../shared/domain/completeness';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { useProfileRefs } from '../../stores/profileRefs';

/** Settings card: which fields a complete profile needs. */
export function CompletenessSettings() {
  const rules = useProfileRefs((s) => s.rules);
  useEffect(() => {
    void useProfileRefs.getState().load();
  }, []);
  // A fresh form whenever the stored rules change.
  return <CompletenessForm key={rules.required.join(',')} initial={rules.required} />;
}

function CompletenessForm({ initial }: { initial: CompletenessField[] }) {
  const { t } = useTranslation();
  const [required, setRequired] = useState<CompletenessField[]>(initial);
  const [status, setStatus] = useState<string | null>(null);

  const toggle = (f: CompletenessField, on: boolean) => {
    setStatus(null);
    setRequired((r) => (on ? completenessFields.filter((x) => x === f || r.includes(x)) : r.filter((x) => x !== f)));
  };
  const save = async () => {
    if (required.length === 0) {
      setStatus(t('profiles.settings.atLeastOne'));
      return;
    }
    try {
      await invoke('completeness:set', { required });
      setStatus(t('profiles.settings.saved'));
    } catch (e) {
      setStatus(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="settings-completeness" data-testid="completeness-settings">
      <h2 id="settings-completeness" className="section-title">{t('profiles.settings.heading')}</h2>
      <p className="muted">{t('profiles.settings.hint')}</p>
      <div className="check-grid">
        {completenessFields.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={required.includes(f)} onChange={(e) => toggle(f, e.target.checked)} />
            {t(`profiles.completenessFields.${f}`)}
          </label>
        ))}
      </div>
      <span className="inline-form">
        <button type="button" className="button button--primary" onClick={() => void save()}>{t('profiles.settings.save')}</button>
        {status && <span className="muted" role="status">{status}</span>}
      </span>
    </section>
  );
}
