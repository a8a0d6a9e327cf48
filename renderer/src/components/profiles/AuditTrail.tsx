import { useTranslation } from 'react-i18next';
import { customerKinds, customerStatuses, tiers } from '../../../../shared/domain/enums';
import type { AuditEntry } from '../../../../shared/domain/profile';
import type { Messages } from '../../../../shared/i18n/zh-CN';
import { useProfileRefs } from '../../stores/profileRefs';
import { useSettings } from '../../stores/settings';
import { formatMoney } from '../../../../shared/domain/money';

type AuditField = keyof Messages['profiles']['auditFields'];
const auditFieldNames: ReadonlySet<string> = new Set<AuditField>(['name', 'kind', 'industry', 'region', 'source', 'ownerId', 'cooperationStart', 'status', 'tierOverride', 'phone', 'email', 'address', 'notes', 'tags', 'title', 'wechat', 'birthday', 'isPrimary', 'mergedInto', 'undoMerge', 'amountCents']);
const isAuditField = (f: string | null): f is AuditField => f !== null && auditFieldNames.has(f);

/** Who changed what, when: old → new, newest first; field names and stored codes shown in the UI language. */
export function AuditTrail({ entries, formatTime }: { entries: AuditEntry[]; formatTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const staff = useProfileRefs((s) => s.staff);

  const value = (field: string | null, v: string | null): string => {
    if (v === null || v === '') return '—';
    if (field === 'status' && (customerStatuses as readonly string[]).includes(v)) return t(`customers.status.${v as (typeof customerStatuses)[number]}`);
    if (field === 'kind' && (customerKinds as readonly string[]).includes(v)) return t(`customers.kind.${v as (typeof customerKinds)[number]}`);
    if (field === 'tierOverride' && (tiers as readonly string[]).includes(v)) return t(`customers.tier.${v as (typeof tiers)[number]}`);
    if (field === 'ownerId') return staff.find((s) => String(s.id) === v)?.name ?? v;
    if (field === 'amountCents' && /^\d+$/.test(v)) return formatMoney(Number(v), language);
    if (field === 'isPrimary') return v === 'true' ? t('profiles.yes') : t('profiles.no');
    if (field === 'tags' && v.startsWith('[')) {
      try {
        return (JSON.parse(v) as string[]).join(t('customers.tagSeparator')) || '—';
      } catch {
        return v;
      }
    }
    return v;
  };
  const fieldName = (e: AuditEntry) => {
    const name = isAuditField(e.field) ? t(`profiles.auditFields.${e.field}`) : (e.field ?? '');
    if (e.entity === 'contact') return `${t('profiles.profile.contacts')} · ${name}`;
    return e.entity === 'order' ? `${t('profiles.profile.orders')} · ${name}` : name;
  };

  return (
    <section className="card" aria-labelledby="profile-audit" data-testid="profile-audit">
      <h2 id="profile-audit" className="section-title">{t('profiles.profile.audit')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('profiles.profile.noAudit')}</p>
      ) : (
        <table className="info-table info-table--wide">
          <thead>
            <tr>
              <th>{t('profiles.profile.when')}</th>
              <th>{t('profiles.profile.who')}</th>
              <th>{t('profiles.profile.field')}</th>
              <th>{t('profiles.profile.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{fieldName(e)}</td>
                <td className="audit-change">
                  {value(e.field, e.oldValue)} → {value(e.field, e.newValue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
