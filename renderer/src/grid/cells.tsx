import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../shared/domain/customer';
import { profileHref } from '../routing/customerRoute';

/** The first cell of a row: a link to the customer's profile (Enter on the focused cell edits, so opening is a link). */
export function OpenProfileCell({ data }: CustomCellRendererProps<CustomerRow>) {
  const { t } = useTranslation();
  if (!data) return null;
  return (
    <a className="open-profile" href={profileHref(data.id)} title={t('profiles.open')} aria-label={t('profiles.openNamed', { name: data.name })} data-testid={`open-${data.id}`} tabIndex={-1}>
      ↗
    </a>
  );
}
