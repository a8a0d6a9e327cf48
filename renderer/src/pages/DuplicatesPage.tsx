import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/domain/customer';
import { mergeFields, type DuplicatePair, type MergeField, type MergeRecord } from '../../../shared/domain/duplicates';
import { invoke } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { gridHref, profileHref } from '../routing/customerRoute';
import { useCustomers } from '../stores/customers';
import { errorMessage } from '../stores/errorMessage';

type Side = 'a' | 'b';

function fieldText(c: CustomerDetail, f: MergeField, t: ReturnType<typeof useTranslation>['t']): string {
  switch (f) {
    case 'kind':
      return t(`customers.kind.${c.kind}`);
    case 'status':
      return t(`customers.status.${c.status}`);
    case 'tierOverride':
      return c.tierOverride ? t(`customers.tier.${c.tierOverride}`) : '';
    case 'ownerId':
      return c.ownerName ?? '';
    default:
      return c[f] ?? '';
  }
}

const fieldLabel: Record<MergeField, string> = {
  name: 'customers.columns.name',
  kind: 'customers.columns.kind',
  industry: 'customers.columns.industry',
  region: 'customers.columns.region',
  source: 'profiles.profile.source',
  ownerId: 'customers.columns.owner',
  cooperationStart: 'profiles.columns.cooperationStart',
  status: 'customers.columns.status',
  tierOverride: 'customers.columns.tierOverride',
  phone: 'profiles.profile.phone',
  email: 'profiles.profile.email',
  address: 'profiles.profile.address',
  notes: 'profiles.profile.notes',
};

/** Review likely duplicates side by side, pick each field's value, merge; recent merges can be undone. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const [current, setCurrent] = useState<{ a: CustomerDetail; b: CustomerDetail; pair: DuplicatePair } | null>(null);
  const [pick, setPick] = useState<Partial<Record<MergeField, Side>>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useCustomers((s) => s.rows);
  const names = useMemo(() => new Map(rows.map((r) => [r.id, r.name])), [rows]);
  const nameOf = (id: number) => names.get(id) ?? `#${id}`;

  // Bumped to look for duplicates again (after a merge or its undo).
  const [round, setRound] = useState(0);
  const load = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    Promise.all([invoke('duplicates:find', {}), invoke('duplicates:recent', {})]).then(
      ([found, recent]) => {
        if (!live) return;
        setPairs(found.pairs);
        setMerges(recent.merges);
      },
      (e: unknown) => {
        if (live) setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [round]);

  const open = async (pair: DuplicatePair, swap = false) => {
    setError(null);
    try {
      const [a, b] = await Promise.all([invoke('customers:get', { id: swap ? pair.b : pair.a }), invoke('customers:get', { id: swap ? pair.a : pair.b })]);
      setCurrent({ a, b, pair });
      // Start from A, but take B's value where A has none.
      setPick(Object.fromEntries(mergeFields.map((f) => [f, fieldText(a, f, t) === '' && fieldText(b, f, t) !== '' ? 'b' : 'a'])));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const merge = async () => {
    if (!current) return;
    try {
      const rec = await invoke('duplicates:merge', { keepId: current.a.id, mergeId: current.b.id, takeFromMerged: mergeFields.filter((f) => pick[f] === 'b') });
      setNotice(t('profiles.duplicates.merged', { merged: current.b.name, kept: current.a.name }));
      setCurrent(null);
      setMerges((m) => [rec, ...m]);
      load();
    } catch (e) {
      setError(`${t('profiles.duplicates.failed')}: ${errorMessage(e)}`);
    }
  };

  const undo = async (batchId: string) => {
    try {
      await invoke('duplicates:undoMerge', { batchId });
      setNotice(null);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="page" aria-labelledby="duplicates-title" data-testid="duplicates-page">
      <a className="back-link" href={gridHref}>← {t('profiles.duplicates.back')}</a>
      <header className="page-header">
        <h1 id="duplicates-title" className="page-title">
          {t('profiles.duplicates.title')}
          {pairs && <span className="count-badge">{t('profiles.duplicates.count', { count: pairs.length })}</span>}
        </h1>
      </header>
      <p className="muted">{t('profiles.duplicates.intro')}</p>
      {error && <ErrorNotice title={t('profiles.duplicates.failed')} message={error} />}
      {notice && <p className="ok-text" role="status" data-testid="merge-notice">{notice}</p>}

      {current && (
        <section className="card" aria-label={t('profiles.duplicates.merge')} data-testid="merge-review">
          <table className="info-table info-table--wide merge-table">
            <thead>
              <tr>
                <th>{t('profiles.duplicates.field')}</th>
                <th>{t('profiles.duplicates.keep')} <a href={profileHref(current.a.id)}>{current.a.code}</a> <span className="muted">{t('profiles.duplicates.orders', { count: current.a.orderCount })}</span></th>
                <th>{t('profiles.duplicates.other')} <a href={profileHref(current.b.id)}>{current.b.code}</a> <span className="muted">{t('profiles.duplicates.orders', { count: current.b.orderCount })}</span></th>
              </tr>
            </thead>
            <tbody>
              {mergeFields.map((f) => {
                const a = fieldText(current.a, f, t);
                const b = fieldText(current.b, f, t);
                return (
                  <tr key={f} className={a !== b ? 'differs' : undefined}>
                    <th scope="row">{t(fieldLabel[f] as 'customers.columns.name')}</th>
                    {(['a', 'b'] as const).map((side) => (
                      <td key={side}>
                        <label className="check">
                          <input type="radio" name={`pick-${f}`} checked={pick[f] === side} onChange={() => setPick((p) => ({ ...p, [f]: side }))} data-testid={`pick-${f}-${side}`} />
                          {side === 'a' ? a || '—' : b || '—'}
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted">{t('profiles.duplicates.mergeHint')}</p>
          <span className="inline-form">
            <button type="button" className="button button--primary" onClick={() => void merge()} data-testid="merge-confirm">{t('profiles.duplicates.merge')}</button>
            <button type="button" className="button" onClick={() => void open(current.pair, current.a.id === current.pair.a)}>{t('profiles.duplicates.swap')}</button>
            <button type="button" className="button" onClick={() => setCurrent(null)}>{t('profiles.profile.cancel')}</button>
          </span>
        </section>
      )}

      {merges.length > 0 && (
        <section className="card" aria-labelledby="recent-merges">
          <h2 id="recent-merges" className="section-title">{t('profiles.duplicates.recent')}</h2>
          <ul className="plain-list" data-testid="recent-merges">
            {merges.map((m) => (
              <li key={m.id} className="contact-row">
                <span>{t('profiles.duplicates.merged', { merged: m.mergedName, kept: nameOf(m.keptId) })}</span>
                <span className="muted">{m.actor} · {m.mergedAt.slice(0, 16).replace('T', ' ')}</span>
                {m.undoneAt ? <span className="muted">{t('profiles.duplicates.undone')}</span> : (
                  <button type="button" className="button button--small" onClick={() => void undo(m.batchId)} data-testid={`undo-merge-${m.id}`}>{t('profiles.duplicates.undo')}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {pairs?.length === 0 && <p className="status-message">{t('profiles.duplicates.none')}</p>}
      {pairs && pairs.length > 0 && (
        <ul className="pair-list" data-testid="duplicate-pairs">
          {pairs.map((p) => (
            <li key={`${p.a}:${p.b}`}>
              <button type="button" className="pair" onClick={() => void open(p)} data-testid={`pair-${p.a}-${p.b}`}>
                <span>{nameOf(p.a)}</span> ↔ <span>{nameOf(p.b)}</span>
                {p.reasons.map((r) => <span key={r} className="tag">{t(`profiles.duplicates.reasons.${r}`)}</span>)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
