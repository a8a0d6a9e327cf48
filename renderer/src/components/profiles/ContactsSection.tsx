import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/customer';
import { contactInputSchema, type ContactInput } from '../../../../shared/domain/profile';
import { invoke } from '../../api/client';
import { useUndo } from '../../stores/undo';
import { UndoButtons } from './UndoButtons';
import { errorMessage } from '../../stores/errorMessage';

const emptyContact: ContactInput = { name: '', title: null, phone: null, email: null, wechat: null, birthday: null, isPrimary: false, notes: null };
const textFields = ['name', 'title', 'phone', 'email', 'wechat'] as const;

function ContactForm({ initial, onSave, onCancel }: { initial: ContactInput; onSave: (c: ContactInput) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof ContactInput, value: string | boolean) =>
    setDraft((d) => ({ ...d, [field]: typeof value === 'string' && field !== 'name' && value.trim() === '' ? null : value }));
  const submit = async () => {
    const parsed = contactInputSchema.safeParse(draft);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
      setError(`${t(`profiles.profile.${field as 'name'}`)}: ${t(field === 'email' ? 'profiles.errors.email' : field === 'phone' ? 'profiles.errors.phone' : field === 'birthday' ? 'profiles.errors.date' : 'profiles.errors.required')}`);
      return;
    }
    try {
      await onSave(parsed.data);
    } catch (e) {
      setError(`${t('profiles.profile.saveFailed')}: ${errorMessage(e)}`);
    }
  };
  return (
    <form className="contact-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="contact-form">
      {textFields.map((f) => (
        <label key={f}>
          {t(`profiles.profile.${f}`)}
          <input className="text-input" value={draft[f] ?? ''} onChange={(e) => set(f, e.target.value)} autoFocus={f === 'name'} />
        </label>
      ))}
      <label>
        {t('profiles.profile.birthday')}
        <input className="text-input" type="date" value={draft.birthday ?? ''} onChange={(e) => set('birthday', e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.isPrimary} onChange={(e) => set('isPrimary', e.target.checked)} />
        {t('profiles.profile.primary')}
      </label>
      <span className="inline-form">
        <button type="submit" className="button button--primary">{t('profiles.profile.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('profiles.profile.cancel')}</button>
      </span>
      {error && <p className="error-text" role="alert">{error}</p>}
    </form>
  );
}

/** Contacts (联系人及职务) with birthdays and the one main contact; add, edit, remove. */
export function ContactsSection({ customerId, contacts }: { customerId: number; contacts: Contact[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (c: Contact) => {
    if (!window.confirm(t('profiles.profile.confirmRemove', { name: c.name }))) return;
    try {
      const res = await invoke('contacts:remove', { id: c.id });
      useUndo.getState().push(res.batchId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="profile-contacts" data-testid="profile-contacts">
      <h2 id="profile-contacts" className="section-title section-title--with-action">
        {t('profiles.profile.contacts')}
        <span className="inline-form">
          {/* Contact edits go on the same undo stack as grid edits (Ctrl+Z in the grid undoes them too). */}
          <UndoButtons />
          <button type="button" className="button button--small" onClick={() => setEditing('new')} data-testid="add-contact">
            + {t('profiles.profile.addContact')}
          </button>
        </span>
      </h2>
      {editing === 'new' && (
        <ContactForm
          initial={{ ...emptyContact, isPrimary: contacts.length === 0 }}
          onCancel={() => setEditing(null)}
          onSave={async (c) => {
            const res = await invoke('contacts:add', { customerId, contact: c });
            useUndo.getState().push(res.batchId);
            setEditing(null);
          }}
        />
      )}
      {contacts.length === 0 && editing !== 'new' && <p className="muted">{t('profiles.profile.noContacts')}</p>}
      <ul className="plain-list">
        {contacts.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <ContactForm
                initial={{ name: c.name, title: c.title, phone: c.phone, email: c.email, wechat: c.wechat, birthday: c.birthday, isPrimary: c.isPrimary, notes: c.notes }}
                onCancel={() => setEditing(null)}
                onSave={async (x) => {
                  const res = await invoke('contacts:update', { id: c.id, contact: x });
                  useUndo.getState().push(res.batchId);
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={c.id} className="contact-row">
              <span>
                <strong>{c.name}</strong>
                {c.title && <span className="muted"> · {c.title}</span>}
                {c.isPrimary && <span className="tag">{t('profiles.profile.primary')}</span>}
              </span>
              <span className="muted">{[c.phone, c.email, c.wechat && `${t('profiles.profile.wechat')} ${c.wechat}`, c.birthday && `${t('profiles.profile.birthday')} ${c.birthday}`].filter(Boolean).join(' · ')}</span>
              <span className="inline-form">
                <button type="button" className="button button--small" onClick={() => setEditing(c.id)}>{t('profiles.profile.editContact')}</button>
                <button type="button" className="button button--small" onClick={() => void remove(c)}>{t('profiles.profile.removeContact')}</button>
              </span>
            </li>
          ),
        )}
      </ul>
      {error && <p className="error-text" role="alert">{error}</p>}
    </section>
  );
}
