import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUndo } from '../../stores/undo';

export function UndoButtons() {
  const { t } = useTranslation();
  const { canUndo, canRedo, busy, error } = useUndo(useShallow((s) => ({ canUndo: s.undoStack.length > 0, canRedo: s.redoStack.length > 0, busy: s.busy, error: s.error })));
  return (
    <span className="inline-form">
      <button type="button" className="button" disabled={!canUndo || busy} title={t('profiles.undoTitle')} onClick={() => void useUndo.getState().undo()} data-testid="undo">
        ↶ {t('profiles.undo')}
      </button>
      <button type="button" className="button" disabled={!canRedo || busy} title={t('profiles.redoTitle')} onClick={() => void useUndo.getState().redo()} data-testid="redo">
        ↷ {t('profiles.redo')}
      </button>
      {error && (
        <span className="error-text" role="alert">
          {t('profiles.undoFailed')}: {error}
        </span>
      )}
    </span>
  );
}
