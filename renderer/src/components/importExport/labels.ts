import type { TFunction } from 'i18next';
import type { Messages } from '../../i18n/zh-CN';

type FieldKey = keyof Messages['importExport']['fields'];

/** The label of an import field; field ids come from shared/import/targets.ts and every one has a translation. */
export function fieldLabel(t: TFunction, id: string): string {
  return t(`importExport.fields.${id as FieldKey}`);
}
