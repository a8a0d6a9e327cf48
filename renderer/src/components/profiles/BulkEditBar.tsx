import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkPatch } from '../../../../shared/domain/bulkEdit';
import { customerStatuses, tiers, type CustomerStatus, type Tier } from '../../../../shared/domain/enums';
import { invoke } from '../../api/client';
import { parseTags } from '../../grid/editing';
import { errorMessage } from '../../stores/errorMessage';
import { useProfileRefs } from '../../stores/profileRefs';
import { useUndo } from '../../stores/undo';

const KEEP = '';
const NONE = 'none';

/** Shown while rows are selected: owner, status, tier override and tags for all of them, in one undoable write. */
export function BulkEditBar({ ids, onClear }: { ids: number[]; onClear: () => void }) {
  const { t } = useTranslation();
  const staff = useProfileRefs((s) => s.staff);
  const [owner, setOwner] = useState(KEEP);
  const [status, setStatus] = useState(KEEP);
  const [tier, setTier] = useState(KEEP);
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const patch: BulkPatch = {};
  if (owner !== KEEP) patch.ownerId = owner === NONE ? null : Number(owner);
  if (status !== KEEP) patch.status = status as CustomerStatus;
  if (tier !== KEEP) patch.tierOverride = tier === NONE ? null : (tier as Tier);
  if (parseTags(addTags).length > 0) patch.addTags = parseTags(addTags);
  if (parseTags(removeTags).length > 0) patch.removeTags = parseTags(removeTags);
  const empty = Object.keys(patch).length === 0;

  const apply = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await invoke('customers:bulkUpdate', { ids, patch });
      useUndo.getState().push(res.batchId);
      setMessage({ ok: true, text: t('profiles.bulk.done', { count: res.changed }) });
    } catch (error) {
      setMessage({ ok: false, text: `${t('profiles.bulk.failed')}: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t('profiles.bulk.title')} data-testid="bulk-bar">
      <strong>{t('profiles.selected', { count: ids.length })}</strong>
      <label>
        {t('profiles.bulk.owner')}
        <select className="select" value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="bulk-owner">
          <option value={KEEP}>{t('profiles.bulk.noChange')}</option>
          <option value={NONE}>{t('profiles.bulk.none')}</option>
          {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label>
        {t('profiles.bulk.status')}
        <select className="select" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="bulk-status">
          <option value={KEEP}>{t('profiles.bulk.noChange')}</option>
          {customerStatuses.map((s) => <option key={s} value={s}>{t(`customers.status.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t('profiles.bulk.tier')}
        <select className="select" value={tier} onChange={(e) => setTier(e.target.value)} data-testid="bulk-tier">
          <option value={KEEP}>{t('profiles.bulk.noChange')}</option>
          <option value={NONE}>{t('profiles.bulk.none')}</option>
          {tiers.map((s) => <option key={s} value={s}>{t(`customers.tier.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t('profiles.bulk.addTags')}
        <input className="text-input" value={addTags} placeholder={t('profiles.bulk.tagsPlaceholder')} onChange={(e) => setAddTags(e.target.value)} data-testid="bulk-add-tags" />
      </label>
      <label>
        {t('profiles.bulk.removeTags')}
        <input className="text-input" value={removeTags} placeholder={t('profiles.bulk.tagsPlaceholder')} onChange={(e) => setRemoveTags(e.target.value)} />
      </label>
      <button type="button" className="button button--primary" disabled={empty || busy} onClick={() => void apply()} data-testid="bulk-apply">
        {t('profiles.bulk.apply')}
      </button>
      <button type="button" className="button" onClick={onClear}>{t('profiles.bulk.clearSelection')}</button>
      {message && <span className={message.ok ? 'muted' : 'error-text'} role="status" data-testid="bulk-message">{message.text}</span>}
    </div>
  );
}
