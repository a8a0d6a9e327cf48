import type { TFunction } from 'i18next';
import { isLanguage } from '../../../../shared/i18n/language';
import { vocabularyLabel, vocabularyOfColumn } from '../../../../shared/i18n/vocabularies';
import type { Messages } from '../../../../shared/i18n/zh-CN';

type FieldKey = keyof Messages['importExport']['fields'];

/** The label of an import field; field ids come from shared/import/targets.ts and every one has a translation. */
export function fieldLabel(t: TFunction, id: string): string {
  return t(`importExport.fields.${id as FieldKey}`);
}

type ReasonKey = keyof Messages['importExport']['reasons'];

/** An error reason in the UI language when its code is known, else the English text. */
export function reasonText(t: TFunction, e: { reason: string; code?: string | undefined; params?: Record<string, string | number> | undefined }): string {
  if (!e.code || !(e.code in t('importExport.reasons', { returnObjects: true }))) return e.reason;
  return t(`importExport.reasons.${e.code as ReasonKey}`, e.params ?? {});
}

/** A stored code (active, high, company) as the word the user reads, as exports write it. */
export function valueLabel(fieldId: string, value: string, language: string): string {
  const vocabulary = vocabularyOfColumn[fieldId];
  return vocabulary ? vocabularyLabel(vocabulary, value, isLanguage(language) ? language : 'en') : value;
}
