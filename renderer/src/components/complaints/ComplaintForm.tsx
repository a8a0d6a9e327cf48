import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintSeverities, type ComplaintSeverity } from '../../../../shared/domain/enums';
import type { CustomerRow } from '../../../../shared/domain/customer';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { useSettings } from '../../stores/settings';
import { formatWhen } from '../warnings/formatWhen';

const label = (c: Pick<CustomerRow, 'name' | 'code'>) => `${c.name} (${c.code})`;

/** Log a complaint: customer (typed, from the customer list), channel, category, severity, description, resolution clock. */
export function ComplaintForm({ customers, initialCustomerId, defaultHours }: { customers: readonly CustomerRow[]; initialCustomerId: number | null; defaultHours: Record<ComplaintSeverity, number> }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const initial = customers.find((c) => c.id === initialCustomerId);
  const [customer, setCustomer] = useState(initial ? label(initial) : '');
  const [channel, setChannel] = useState('');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium');
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const byLabel = useMemo(() => new Map(customers.flatMap((c) => [[label(c), c.id], [c.code, c.id], [c.name, c.id]] as [string, number][])), [customers]);

  const submit = async () => {
    const customerId = byLabel.get(customer.trim()) ?? initialCustomerId;
    if (!customerId || (customer.trim() !== '' && !byLabel.has(customer.trim()))) {
      setMessage({ ok: false, text: t('complaints.unknownCustomer') });
      return;
    }
    try {
      const c = await invoke('complaints:log', { customerId, channel: channel.trim() || null, category: category.trim() || null, severity, description, resolutionHours: hours ? Number(hours) : null });
      setDescription('');
      setMessage({ ok: true, text: t('complaints.logged', { when: formatWhen(c.responseDueAt, language) }) });
    } catch (e) {
      setMessage({ ok: false, text: t('complaints.failed', { message: errorMessage(e) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="complaint-log-title">
      <h2 id="complaint-log-title" className="section-title">{t('complaints.logTitle')}</h2>
      <form className="complaint-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>
          {t('complaints.customer')}
          <input className="text-input" list="complaint-customers" required={initialCustomerId === null} value={customer} placeholder={initial ? label(initial) : t('complaints.customerPlaceholder')} onChange={(e) => setCustomer(e.target.value)} data-testid="complaint-customer" />
          <datalist id="complaint-customers">
            {customers.slice(0, 5000).map((c) => (
              <option key={c.id} value={label(c)} />
            ))}
          </datalist>
        </label>
        <label>
          {t('complaints.channel')}
          <input className="text-input" value={channel} onChange={(e) => setChannel(e.target.value)} />
        </label>
        <label>
          {t('complaints.category')}
          <input className="text-input" value={category} onChange={(e) => setCategory(e.target.value)} />
        </label>
        <label>
          {t('complaints.severity')}
          <select className="select" value={severity} onChange={(e) => setSeverity(e.target.value as ComplaintSeverity)}>
            {complaintSeverities.map((s) => (
              <option key={s} value={s}>{t(`profiles.profile.severity.${s}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('complaints.resolutionHours')}
          <select className="select" value={hours} onChange={(e) => setHours(e.target.value)}>
            <option value="">{t('complaints.byDefault', { hours: defaultHours[severity] })}</option>
            <option value="48">{t('complaints.hours', { hours: 48 })}</option>
            <option value="72">{t('complaints.hours', { hours: 72 })}</option>
          </select>
        </label>
        <label className="field--wide">
          {t('complaints.description')}
          <textarea className="text-area" rows={2} required value={description} onChange={(e) => setDescription(e.target.value)} data-testid="complaint-description" />
        </label>
        <div>
          <button type="submit" className="button button--primary" data-testid="complaint-submit">{t('complaints.submit')}</button>
        </div>
      </form>
      {message && <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </section>
  );
}
