import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfileRefs } from '../../stores/profileRefs';

/** Settings card "I am …": which staff member uses this computer, for the "My customers" view. */
export function MeSetting() {
  const { t } = useTranslation();
  const staff = useProfileRefs((s) => s.staff);
  const me = useProfileRefs((s) => s.me);
  const user = useProfileRefs((s) => s.user);
  useEffect(() => {
    void useProfileRefs.getState().load();
  }, []);
  // A chosen person no longer on the staff list counts as no choice.
  const value = me !== null && staff.some((s) => s.id === me) ? String(me) : '';

  return (
    <section className="card" aria-labelledby="settings-me" data-testid="me-settings">
      <h2 id="settings-me" className="section-title">{t('profiles.me.heading')}</h2>
      <div className="field">
        <label htmlFor="me-select">{t('profiles.me.label')}</label>
        <select id="me-select" className="select" value={value} onChange={(e) => useProfileRefs.getState().setMe(e.target.value === '' ? null : Number(e.target.value))} data-testid="me-select">
          <option value="">{t('profiles.me.osUser', { user })}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{t('profiles.me.hint')}</p>
    </section>
  );
}
