import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import type { Printer } from '../../electron/services/print';

const CHROMIUM = process.env.PATRON_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
/** How long a print route may take to load its data and fonts. */
const READY_TIMEOUT_MS = 120_000;

/**
 * The harness's stand-in for Electron's hidden print window: renders a print route
 * of the served renderer in headless Chromium and prints it to PDF with the same
 * settings the app uses (paper size, backgrounds, CSS page size).
 */
export function chromiumPrinter(baseUrl: () => string): Printer & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const open = () => (browser ??= chromium.launch({ ...(CHROMIUM ? { executablePath: CHROMIUM } : {}), args: ['--no-sandbox', '--disable-gpu'] }));
  return {
    async pdf(route, { paper }) {
      const context = await (await open()).newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}/${route}`);
        await page.waitForSelector('[data-print-ready="true"]', { timeout: READY_TIMEOUT_MS });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
