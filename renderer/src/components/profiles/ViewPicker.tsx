import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/domain/customer';
import { canonicalFilter, localFilter } from '../../../../shared/domain/viewFilters';
import type { ViewState } from '../../../../shared/domain/views';
import { isLanguage, type Language } from '../../../../shared/i18n/language';
import { invoke } from '../../api/client';
import { builtInView, builtInViewIds, type BuiltInViewId } from '../../grid/builtInViews';
import { myOwnerName, useProfileRefs } from '../../stores/profileRefs';

/** Applies a view: column layout and sort (when the view has them) and the filters, whose codes the grid compares as labels of the UI language. */
function applyView(api: GridApi<CustomerRow>, view: ViewState, language: Language): void {
  if (view.columns.length > 0) {
    const layout = view.columns.some((c) => c.width !== undefined);
    api.applyColumnState({ state: view.columns, applyOrder: layout, defaultState: { sort: null } });
  } else {
    api.applyColumnState({ defaultState: { sort: null } });
  }
  api.setFilterModel(localFilter(view.filter, language));
}

/** The grid's state as a view keeps it: vocabulary filters as codes, so it works in either language. */
function currentView(api: GridApi<CustomerRow>): ViewState {
  const columns = api.getColumnState().map((c) => ({
    colId: c.colId,
    width: c.width ?? undefined,
    hide: c.hide ?? null,
    pinned: c.pinned === 'left' || c.pinned === 'right' ? c.pinned : null,
    sort: c.sort ?? null,
    sortIndex: c.sortIndex ?? null,
  }));
  return { columns, filter: canonicalFilter(api.getFilterModel()) };
}

/** Built-in views (all, mine, at risk, high value, incomplete) and the user's saved ones. */
export function ViewPicker({ api }: { api: GridApi<CustomerRow> | null }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const views = useProfileRefs((s) => s.views);
  const user = useProfileRefs(myOwnerName);
  const [value, setValue] = useState('builtin:all');
  const [naming, setNaming] = useState<string | null>(null);

  const choose = (v: string) => {
    setValue(v);
    if (!api) return;
    if (v.startsWith('builtin:')) {
      const id = v.slice('builtin:'.length) as BuiltInViewId;
      applyView(api, builtInView(id, user), language);
    } else {
      const saved = views.find((x) => `saved:${x.id}` === v);
      if (saved) applyView(api, saved.state, language);
    }
  };

  const save = async () => {
    if (!api || !naming?.trim()) return;
    const res = await invoke('views:save', { name: naming.trim(), state: currentView(api) });
    useProfileRefs.getState().setViews(res.views);
    const saved = res.views.find((v) => v.name === naming.trim());
    if (saved) setValue(`saved:${saved.id}`);
    setNaming(null);
  };

  const remove = async () => {
    const id = Number(value.slice('saved:'.length));
    const res = await invoke('views:remove', { id });
    useProfileRefs.getState().setViews(res.views);
    setValue('builtin:all');
  };

  if (naming !== null) {
    return (
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <input className="text-input" autoFocus value={naming} aria-label={t('profiles.views.savePrompt')} placeholder={t('profiles.views.savePrompt')} onChange={(e) => setNaming(e.target.value)} data-testid="view-name" />
        <button type="submit" className="button button--primary">{t('profiles.views.save')}</button>
        <button type="button" className="button" onClick={() => setNaming(null)}>{t('profiles.views.cancel')}</button>
      </form>
    );
  }

  return (
    <span className="inline-form">
      <select className="select" aria-label={t('profiles.views.label')} value={value} onChange={(e) => choose(e.target.value)} data-testid="view-picker">
        {builtInViewIds.map((id) => (
          <option key={id} value={`builtin:${id}`}>{t(`profiles.views.${id}`)}</option>
        ))}
        {views.length > 0 && (
          <optgroup label={t('profiles.views.saved')}>
            {views.map((v) => (
              <option key={v.id} value={`saved:${v.id}`}>{v.name}</option>
            ))}
          </optgroup>
        )}
      </select>
      {value.startsWith('saved:') && (
        <button type="button" className="button button--icon" title={t('profiles.views.remove')} aria-label={t('profiles.views.remove')} onClick={() => void remove()}>×</button>
      )}
      <button type="button" className="button" onClick={() => setNaming('')} data-testid="view-save">{t('profiles.views.saveAs')}</button>
    </span>
  );
}
