import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { localToday } from '../../shared/domain/dates';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { savePreviewAsPdf } from './print';

/** Three customers of the demo database (codes to type, names to find on the pages). */
const threeCustomers = (dbPath: string) =>
  withDb(dbPath, (db) => db.prepare('SELECT id, code, name FROM customers ORDER BY id LIMIT 3 OFFSET 10').all() as { id: number; code: string; name: string }[]);

/** Decodes the QR code on a rendered PDF page. */
function qrOnPage(png: string): string | null {
  const image = PNG.sync.read(readFileSync(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/**
 * Issues forms for three customers through the Forms tab, saves them as one PDF through
 * the print preview, and checks each page: one form, its customer, and a QR code that
 * decodes to its form number. Returns the form numbers in page order.
 */
async function printThreeForms(page: Page, url: string, dbPath: string, lang: string, formLanguage: 'zh-CN' | 'en-US'): Promise<{ formNos: string[]; customers: { id: number; name: string }[] }> {
  const customers = threeCustomers(dbPath);
  await page.goto(`${url}#/surveys/forms`);
  await page.getByTestId('survey-issue-codes').fill(customers.map((c) => c.code).join(', '));
  await page.getByTestId('survey-issue-language').selectOption(formLanguage);
  await page.screenshot({ path: join(screenshotDir, `surveys-forms-${lang}.png`) });
  await page.getByTestId('survey-issue-print').click();
  await expect(page.getByTestId('print-root')).toHaveAttribute('data-print-ready', 'true');
  const sheets = page.getByTestId('survey-sheet');
  await expect(sheets).toHaveCount(3);
  const formNos = await sheets.evaluateAll((els) => els.map((e) => e.getAttribute('data-form-no') ?? ''));
  expect(formNos.every((n) => /^SV-\d{4}-\d{6}$/.test(n))).toBe(true);
  // Recorded as sent, in one batch.
  const sent = withDb(dbPath, (db) => db.prepare(`SELECT count(DISTINCT batch_id) AS batches, count(sent_at) AS sent FROM survey_forms WHERE form_no IN (${formNos.map(() => '?').join(',')})`).get(...formNos));
  expect(sent).toEqual({ batches: 1, sent: 3 });
  await page.screenshot({ path: join(screenshotDir, `surveys-print-preview-${lang}.png`) });

  const { path, info } = await savePreviewAsPdf(page);
  expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe('3');
  expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  const prefix = join(screenshotDir, `surveys-pdf-${lang}`);
  execFileSync('pdftoppm', ['-png', '-r', '110', path, prefix]);
  const pngs = readdirSync(screenshotDir).filter((f) => f.startsWith(`surveys-pdf-${lang}-`) && f.endsWith('.png')).sort();
  expect(pngs).toHaveLength(3);
  for (let i = 0; i < 3; i++) {
    expect(qrOnPage(join(screenshotDir, pngs[i] ?? ''))).toBe(formNos[i]);
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain(customers[i]?.name ?? '?');
    expect(text).toContain(formNos[i] ?? '?');
  }
  return { formNos, customers };
}

/** Enters one form by keyboard only: number, Enter, score digits, NPS, Enter. */
async function enterByKeyboard(page: Page, formNo: string, digits: string, nps: string): Promise<void> {
  const no = page.getByTestId('survey-entry-no');
  await expect(no).toBeFocused();
  await page.keyboard.type(formNo);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('survey-entry-scores')).toBeFocused();
  await page.keyboard.type(digits);
  // The last score digit moves on to the NPS by itself.
  await expect(page.getByTestId('survey-entry-nps')).toBeFocused();
  await page.keyboard.type(nps);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('survey-entry-message')).toContainText(formNo);
}

/**
 * form 1: 5 4 4 5, NPS 10 · form 2: 3 2 3 3, NPS 6 (mean 2.75 < 3.5) · form 3: 4 4 5 4, NPS 8.
 * CSAT = 46 / 12 = 3.83, ≥ 4: 8 of 12 = 66.7 %; NPS = (1 promoter − 1 detractor) / 3 = 0.0.
 */
async function enterThreeAndCheck(page: Page, url: string, dbPath: string, lang: string, formNos: string[], low: { id: number; name: string }) {
  await page.goto(`${url}#/surveys/entry`);
  const [a, b, c] = formNos as [string, string, string];
  await enterByKeyboard(page, a, '5445', '10');
  await enterByKeyboard(page, b, '3233', '6');
  await expect(page.getByTestId('survey-entry-message')).toContainText(lang === 'en' ? 'improvement plan' : '改进计划');
  await enterByKeyboard(page, c, '4454', '8');
  await expect(page.getByTestId('survey-entry-count')).toContainText('3');

  // The same form again: the first entry is shown, a second one is not possible.
  await page.keyboard.type(a);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('survey-entry-done')).toBeVisible();
  await expect(page.getByTestId('survey-entry-scores')).toBeDisabled();
  await expect(page.getByTestId('survey-entry-nps')).toHaveValue('10');
  await expect(page.getByTestId('survey-entry-save')).toHaveCount(0);
  await page.screenshot({ path: join(screenshotDir, `surveys-entry-${lang}.png`) });
  expect(withDb(dbPath, (db) => db.prepare('SELECT count(*) FROM survey_responses r JOIN survey_forms f ON f.id = r.form_id WHERE f.form_no = ?').pluck().get(a))).toBe(1);

  const today = localToday();
  await page.goto(`${url}#/surveys/results`);
  await page.getByTestId('survey-results-from').fill(today);
  await page.getByTestId('survey-results-to').fill(today);
  await expect(page.getByTestId('survey-kpi-csat')).toContainText('3.83');
  await expect(page.getByTestId('survey-kpi-csat')).toContainText('66.7%');
  await expect(page.getByTestId('survey-kpi-nps')).toContainText('0.0');
  await expect(page.getByTestId('survey-kpi-rate')).toContainText('100.0%');
  await page.screenshot({ path: join(screenshotDir, `surveys-results-${lang}.png`), fullPage: true });

  // Below 3.5: an improvement plan for that customer, linked to the form.
  await page.goto(`${url}#/surveys/plans`);
  const plan = page.locator('[data-testid^="survey-plan-"]').filter({ hasText: low.name }).filter({ hasText: b });
  await expect(plan).toHaveCount(1);
  await expect(plan).toContainText('2.75 < 3.5');
  const id = ((await plan.getAttribute('data-testid')) ?? '').replace('survey-plan-', '');
  await page.getByTestId(`survey-action-measure-${id}`).fill(lang === 'en' ? 'Call back within 48 hours' : '48 小时内回访');
  await page.getByTestId(`survey-action-add-${id}`).click();
  await expect(plan).toContainText(lang === 'en' ? '0 of 1 actions done' : '已完成 0/1 项措施');
  await page.screenshot({ path: join(screenshotDir, `surveys-plans-${lang}.png`) });

  await page.goto(`${url}#/customers/${low.id}`);
  await expect(page.getByTestId('profile-surveys')).toContainText(b);
  await page.getByTestId('profile-surveys').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotDir, `surveys-profile-${lang}.png`) });
}

test.describe('Satisfaction surveys in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('print three forms to a PDF whose QR codes carry the form numbers, enter them by keyboard, refuse a second entry; CSAT, NPS and an improvement plan', async ({ page, patron }) => {
    test.setTimeout(180_000);
    const { formNos, customers } = await printThreeForms(page, patron.url, patron.dbPath, 'zh-CN', 'zh-CN');
    await enterThreeAndCheck(page, patron.url, patron.dbPath, 'zh-CN', formNos, customers[1] ?? { id: 0, name: '' });
    await page.goto(`${patron.url}#/surveys/templates`);
    await expect(page.getByTestId('survey-template-standard')).toContainText('响应速度与及时性');
    await page.screenshot({ path: join(screenshotDir, 'surveys-templates-zh-CN.png') });
  });
});

test.describe('Satisfaction surveys in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('English forms print, decode and enter the same way; a phone survey and a template version', async ({ page, patron }) => {
    test.setTimeout(180_000);
    const { formNos, customers } = await printThreeForms(page, patron.url, patron.dbPath, 'en', 'en-US');
    await enterThreeAndCheck(page, patron.url, patron.dbPath, 'en', formNos, customers[1] ?? { id: 0, name: '' });

    // Phone survey from the profile: a 'phone' form made on the spot, entered by keyboard.
    const first = customers[0] ?? { id: 0, name: '' };
    await page.goto(`${patron.url}#/customers/${first.id}`);
    await page.getByTestId('profile-phone-survey').click();
    await page.getByTestId('survey-phone-start').click();
    await expect(page.getByTestId('survey-entry-form')).toContainText('Phone');
    // Typed in one go, as a fast typist would: the digit after the last score is the NPS
    // whether or not the focus has moved on yet, and Enter saves.
    await page.getByTestId('survey-entry-scores').pressSequentially('55559');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('survey-entry-message')).toContainText('mean 5.00, NPS 9');
    expect(withDb(patron.dbPath, (db) => db.prepare("SELECT count(*) FROM survey_forms WHERE channel = 'phone' AND customer_id = ? AND issued_on = ?").pluck().get(first.id, localToday()))).toBe(1);

    await page.goto(`${patron.url}#/surveys/templates`);
    await page.getByTestId('survey-template-edit-standard').click();
    await page.getByTestId('survey-q-en-0').fill('Quality of our products and service');
    await page.getByTestId('survey-template-save').click();
    await expect(page.getByTestId('survey-template-standard')).toContainText('version 2');
    await page.screenshot({ path: join(screenshotDir, 'surveys-templates-en.png') });
  });
});
