import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Saves the open print preview as a PDF (the prints folder, no dialog here) and returns the file and its pdfinfo text. */
export async function savePreviewAsPdf(page: Page): Promise<{ path: string; info: string }> {
  await page.getByTestId('print-save-pdf').click();
  const message = page.getByTestId('print-message');
  await expect(message).toContainText('.pdf', { timeout: 60_000 });
  const path = /([^\s：:]+\.pdf)/.exec((await message.innerText()).replace(/^[^/]*/, ''))?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  return { path, info: execFileSync('pdfinfo', [path], { encoding: 'utf8' }) };
}
