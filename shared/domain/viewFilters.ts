import type { Language } from '../i18n/language';
import { vocabularyCode, vocabularyLabel, vocabularyOfColumn } from '../i18n/vocabularies';
import type { ViewState } from './views';

type Model = Record<string, unknown>;

/** Rewrites the `filter` word of a text filter model and of each of its combined conditions. */
function mapWords(model: unknown, word: (text: string) => string): unknown {
  if (typeof model !== 'object' || model === null) return model;
  const m = model as Model;
  const out: Model = { ...m };
  if (m.filterType === 'text' && typeof m.filter === 'string') out.filter = word(m.filter);
  if (Array.isArray(m.conditions)) out.conditions = m.conditions.map((c) => mapWords(c, word));
  return out;
}

function mapFilter(filter: Model, word: (column: string, text: string) => string): Model {
  return Object.fromEntries(Object.entries(filter).map(([column, model]) => [column, column in vocabularyOfColumn ? mapWords(model, (text) => word(column, text)) : model]));
}

/**
 * A grid filter model as a saved view keeps it: on vocabulary columns (kind, status,
 * tier, quadrant, lifecycle, member level) a word that is a label in either language
 * becomes its code, so the view means the same in Chinese and English. Views saved
 * before codes were kept hold labels; reading them through this function turns
 * those into codes too. Other words (a partial "contains" text) stay as typed.
 */
export function canonicalFilter(filter: Model): Model {
  return mapFilter(filter, (column, text) => {
    const vocabulary = vocabularyOfColumn[column];
    return (vocabulary && vocabularyCode(vocabulary, text)) ?? text;
  });
}

/** The filter model the grid applies: codes (or labels of either language) become labels in the UI language, which the grid's filters compare. */
export function localFilter(filter: Model, language: Language): Model {
  return mapFilter(filter, (column, text) => {
    const vocabulary = vocabularyOfColumn[column];
    const code = vocabulary ? vocabularyCode(vocabulary, text) : null;
    return vocabulary && code ? vocabularyLabel(vocabulary, code, language) : text;
  });
}

export function canonicalView(view: ViewState): ViewState {
  return { ...view, filter: canonicalFilter(view.filter) };
}
