import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanInputSchema } from '../../../../shared/domain/cellInput';
import { centsToYuan, formatMoney } from '../../../../shared/domain/money';
import { maxAmountCents } from '../../../../shared/domain/valueRules';
import type { OrderSummary } from '../../../../shared/domain/profile';
import type { Language } from '../../../../shared/i18n/language';
import { invoke } from '../../api/client';
import { errorMessage } from '../../stores/errorMessage';
import { useUndo } from '../../stores/undo';
import { UndoButtons } from './UndoButtons';

/** The amount as the editor starts it: plain yuan with two decimals, no grouping (typing "1,234.50" is accepted too). */
const editText = (cents: number) => centsToYuan(cents).toFixed(2);

interface AmountEditorProps {
  order: OrderSummary;
  language: Language;
  onDone: () => void;
}

/**
 * One order's amount in place: typed in yuan (¥ and thousands separators allowed, at most two
 * decimals), read by the shared yuanInputSchema into cents. A refused value marks the field and
 * says why; Enter saves, Escape cancels.
 */
function AmountEditor({ order, language, onDone }: AmountEditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => editText(order.amountCents));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const parsed = yuanInputSchema.safeParse(text);
    const cents = parsed.success ? parsed.data : null;
    if (cents === null || cents > maxAmountCents) {
      setError(t('profiles.orderEdit.invalid', { value: text }));
      return;
    }
    if (cents === order.amountCents) {
      onDone();
      return;
    }
    setSaving(true);
    try {
      const saved = await invoke('orders:setAmount', { id: order.id, amountCents: cents });
      useUndo.getState().push(saved.batchId);
      onDone();
    } catch (e) {
      setError(`${t('profiles.profile.saveFailed')}: ${errorMessage(e)}`);
      setSaving(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  };
  const errorId = `order-amount-error-${String(order.id)}`;
  return (
    <span className="amount-editor">
      <input
        className={error ? 'text-input amount-editor__input text-input--error' : 'text-input amount-editor__input'}
        value={text}
        inputMode="decimal"
        autoFocus
        disabled={saving}
        aria-label={t('profiles.orderEdit.label', { date: order.orderDate, amount: formatMoney(order.amountCents, language) })}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        data-testid="order-amount-input"
      />
      <span className="amount-editor__actions">
        <button type="button" className="button button--small button--primary" disabled={saving} onClick={() => void save()}>{t('profiles.profile.save')}</button>
        <button type="button" className="button button--small" disabled={saving} onClick={onDone}>{t('profiles.profile.cancel')}</button>
      </span>
      {error && <span id={errorId} className="error-text" role="alert" data-testid="order-amount-error">{error}</span>}
    </span>
  );
}

/** The customer's orders, newest first; each amount can be corrected in place (undo/redo with the other edits). */
export function OrdersSection({ orders, orderCount, language }: { orders: OrderSummary[]; orderCount: number; language: Language }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="profile-orders" data-testid="profile-orders">
      <h2 id="profile-orders" className="section-title section-title--with-action">
        <span>
          {t('profiles.profile.orders')} <span className="muted">{orderCount}</span>
        </span>
        {/* Amount changes go on the same undo stack as grid and contact edits. */}
        <UndoButtons />
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{t('profiles.profile.noOrders')}</p>
      ) : (
        <div className="scroll-box">
          <table className="info-table info-table--wide orders-table">
            <thead>
              <tr>
                <th>{t('profiles.profile.orderDate')}</th>
                <th className="numeric">{t('profiles.profile.amount')}</th>
                <th className="numeric">{t('profiles.profile.quantity')}</th>
                <th>{t('profiles.profile.items')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-testid={`order-${String(o.id)}`}>
                  <td>{o.orderDate}</td>
                  <td className="numeric">
                    {editing === o.id ? (
                      <AmountEditor order={o} language={language} onDone={() => setEditing(null)} />
                    ) : (
                      <button
                        type="button"
                        className="amount-button"
                        title={t('profiles.orderEdit.edit')}
                        onClick={() => setEditing(o.id)}
                        data-testid="order-amount"
                      >
                        {formatMoney(o.amountCents, language)}
                      </button>
                    )}
                  </td>
                  <td className="numeric">{o.quantity}</td>
                  <td>{o.items ?? o.category ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
