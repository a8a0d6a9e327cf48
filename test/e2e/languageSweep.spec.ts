import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultLoyaltySettings } from '../../shared/domain/loyalty';
import { withDb } from './db';
import { expect, screenshotDir, test } from './fixtures';

/** Every page of the main window, the profile and duplicates pages of the customers area, and the dialogs of the customer list (opened by `open`). */
const pages: { hash: string; name?: string; open?: (page: Page) => Promise<void> }[] = [
  ...['#/customers', '#/customers/1', '#/customers/duplicates', '#/segments', '#/warnings', '#/complaints', '#/visits', '#/surveys', '#/reports', '#/settings'].map((hash) => ({ hash })),
  { hash: '#/customers', name: 'column chooser', open: (page) => page.getByTestId('column-chooser').click() },
  { hash: '#/customers', name: 'import wizard', open: (page) => page.getByTestId('import-open').click() },
];

/**
 * Latin words the Chinese UI may show: names (Patron, Excel, WeChat), measures and their
 * abbreviations (NPS, CSAT, SLA, RFM, CLV), file formats and units. Anything else in
 * Latin script on a Chinese page is English that leaked.
 */
const latinAllowed = new Set(['Patron', 'NPS', 'CSAT', 'SLA', 'RFM', 'CLV', 'BG', 'NBD', 'Excel', 'CSV', 'xlsx', 'csv', 'PDF', 'SQLite', 'MB', 'KB', 'GB', 'Ctrl', 'Space', 'Enter', 'Esc', 'Shift', 'Tab', 'YYYY', 'MM', 'DD', 'English']);

/** Codes, not words: form and order numbers, versions, e-mail addresses and paths (anything with a digit, @ or /). */
const code = /\S*[\d@/]\S*/g;

/** Text a user reads on the page: text nodes and placeholders, titles and labels of controls, outside customer data. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Customer data (names, regions, notes the demo data writes in Chinese) is not UI text.
    // Table names (in <code>) are codes; the language switch names each language in itself.
    const excluded = '[role="gridcell"], [data-customer-data], .ag-cell, textarea, input[type="text"], input:not([type]), script, style, code, kbd, [data-testid="language-switch"]';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(excluded)) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (el.closest(excluded) && !(el instanceof HTMLInputElement)) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Customer data of the demo database: names, places and words users typed, which may show anywhere. */
function customerData(dbPath: string): Set<string> {
  return withDb(dbPath, (db) => {
    const values = db
      .prepare(
        `SELECT name AS v FROM customers UNION SELECT region FROM customers UNION SELECT industry FROM customers UNION SELECT address FROM customers
         UNION SELECT name FROM contacts UNION SELECT title FROM contacts UNION SELECT name FROM staff UNION SELECT name FROM tags
         UNION SELECT description FROM complaints UNION SELECT category FROM complaints UNION SELECT summary FROM interactions
         UNION SELECT source FROM customers UNION SELECT items FROM orders UNION SELECT category FROM orders UNION SELECT channel FROM orders`,
      )
      .pluck()
      .all() as (string | null)[];
    // What the business typed into settings (reward names, level benefits, holidays) is its data too.
    const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : typeof v === 'object' && v !== null ? Object.values(v).flatMap(strings) : []);
    const typed = (db.prepare('SELECT value FROM settings').pluck().all() as string[]).flatMap((v) => {
      try {
        return strings(JSON.parse(v));
      } catch {
        return [v];
      }
    });
    values.push(...typed, ...strings(defaultLoyaltySettings.rewards));
    // Longest first, so a name is taken out whole before a word inside it (an industry in a company name).
    return new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()).sort((a, b) => b.length - a.length));
  });
}

async function sweep(page: Page, url: string, find: (text: string) => string[], data: Set<string>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { hash, name, open } of pages) {
    await page.goto(`${url}${hash}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main, [role="main"]').first()).toBeVisible();
    // Sections fill in as their data arrives: wait until nothing is loading.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    if (open) {
      await open(page);
      await page.waitForLoadState('networkidle');
    }
    const language = await page.locator('html').getAttribute('lang');
    await page.screenshot({ path: join(screenshotDir, `sweep-${language ?? ''}-${(name ?? hash).replace(/[^a-z0-9]+/gi, '-')}.png`) });
    const bad = new Set<string>();
    for (const text of await visibleText(page)) {
      let rest = text;
      for (const d of data) if (rest.includes(d)) rest = rest.split(d).join(' ');
      rest = rest.replace(code, ' ');
      for (const w of find(rest)) bad.add(`${w}  ‹${text.slice(0, 60)}›`);
    }
    if (bad.size > 0) found[name ?? hash] = [...bad];
  }
  return found;
}

test.describe('Chinese UI', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('shows no English word on any page', async ({ page, patron }) => {
    const data = customerData(patron.dbPath);
    const latin = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !latinAllowed.has(w));
    const found = await sweep(page, patron.url, latin, data);
    expect(found).toEqual({});
  });
});

test.describe('English UI', () => {
  test.use({ systemLocale: 'en-US' });

  test('shows no Chinese outside customer data on any page', async ({ page, patron }) => {
    const data = customerData(patron.dbPath);
    // 中文 names the Chinese language in the language choices.
    const cjk = (text: string) => (text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g) ?? []).filter((w) => w !== '中文');
    const found = await sweep(page, patron.url, cjk, data);
    expect(found).toEqual({});
  });
});
