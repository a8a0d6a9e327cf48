import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { CustomerRow } from '../../../shared/domain/customer';
import { profileHref } from '../routing/customerRoute';

/** Texts of the link, translated once per column build (cellRendererParams). */
export interface OpenProfileTexts {
  title: string;
  label: (name: string) => string;
}

/**
 * The first cell of a row: a link to the customer's profile (Enter on the focused cell edits,
 * so opening is a link). A plain DOM renderer rather than a React component: every row that
 * scrolls into view creates one, and a React root per row cost frames while scrolling.
 */
export class OpenProfileCell implements ICellRendererComp<CustomerRow> {
  private readonly link = document.createElement('a');

  init(params: ICellRendererParams<CustomerRow> & OpenProfileTexts): void {
    this.link.className = 'open-profile';
    this.link.tabIndex = -1;
    this.link.textContent = '↗';
    this.show(params);
  }

  getGui(): HTMLElement {
    return this.link;
  }

  refresh(params: ICellRendererParams<CustomerRow> & OpenProfileTexts): boolean {
    this.show(params);
    return true;
  }

  private show({ data, title, label }: ICellRendererParams<CustomerRow> & OpenProfileTexts): void {
    this.link.hidden = !data;
    if (!data) return;
    this.link.href = profileHref(data.id);
    this.link.title = title;
    this.link.setAttribute('aria-label', label(data.name));
    this.link.dataset.testid = `open-${String(data.id)}`;
  }
}
