import type { TFunction } from 'i18next';
import { lifecycleStages } from '../analytics/lifecycle';
import { quadrants, type Quadrant } from '../analytics/quadrant';
import { customerKinds, customerStatuses, tiers } from '../domain/enums';
import { loyaltyLevels } from '../domain/loyalty';
import { tDynamic, translator } from './index';
import { languages, type Language } from './language';
import { quadrantLabel } from './segmentLabels';

/**
 * Closed vocabularies whose stored codes the user reads as words: the grid shows
 * and filters them as labels, exports write labels, saved views and exports keep
 * the codes. One label per code and language, taken from the catalogue.
 */
const vocabularies = {
  kind: { codes: customerKinds, label: (t: TFunction, code: string) => tDynamic(t, `customers.kind.${code}`) },
  status: { codes: customerStatuses, label: (t: TFunction, code: string) => tDynamic(t, `customers.status.${code}`) },
  tier: { codes: tiers, label: (t: TFunction, code: string) => tDynamic(t, `customers.tier.${code}`) },
  quadrant: { codes: quadrants, label: (t: TFunction, code: string) => quadrantLabel(t, code as Quadrant) },
  lifecycle: { codes: lifecycleStages, label: (t: TFunction, code: string) => tDynamic(t, `segments.lifecycle.${code}`) },
  loyaltyLevel: { codes: loyaltyLevels, label: (t: TFunction, code: string) => tDynamic(t, `loyalty.level.${code}`) },
} satisfies Record<string, { codes: readonly string[]; label: (t: TFunction, code: string) => string }>;

export type Vocabulary = keyof typeof vocabularies;

/** Columns (grid column ids and export column ids) that hold a vocabulary's codes. */
export const vocabularyOfColumn: Readonly<Record<string, Vocabulary>> = {
  kind: 'kind',
  status: 'status',
  tierOverride: 'tier',
  tier: 'tier',
  effectiveTier: 'tier',
  quadrant: 'quadrant',
  lifecycle: 'lifecycle',
  loyaltyLevel: 'loyaltyLevel',
};

/** The codes of a vocabulary in its domain order (prospect → active → dormant → lost). */
export function vocabularyCodes(vocabulary: Vocabulary): readonly string[] {
  return vocabularies[vocabulary].codes;
}

/** The word a user reads for a stored code; an unknown code is shown as it is. */
export function vocabularyLabel(vocabulary: Vocabulary, code: string, language: Language): string {
  const v = vocabularies[vocabulary];
  return (v.codes as readonly string[]).includes(code) ? v.label(translator(language), code) : code;
}

const codesByWord = new Map<Vocabulary, Map<string, string>>();

/**
 * The code a word stands for: the code itself or its label in either language,
 * ignoring case and surrounding space (合作中, Active and active all give `active`).
 * Null when the word is neither.
 */
export function vocabularyCode(vocabulary: Vocabulary, word: string): string | null {
  let words = codesByWord.get(vocabulary);
  if (!words) {
    words = new Map();
    for (const code of vocabularies[vocabulary].codes) {
      words.set(code.toLowerCase(), code);
      for (const language of languages) words.set(vocabularyLabel(vocabulary, code, language).toLowerCase(), code);
    }
    codesByWord.set(vocabulary, words);
  }
  return words.get(word.trim().toLowerCase()) ?? null;
}
