import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Chromium-based browsers usually live, per platform (the first that exists is used). */
export function browserCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => typeof r === 'string');
    return roots.flatMap((r) => [join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  if (platform === 'darwin') {
    return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium'];
}

export function findBrowser(given?: string): string | null {
  if (given) return existsSync(given) ? given : null;
  return browserCandidates().find((p) => existsSync(p)) ?? null;
}

interface CdpMessage {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * Prints a URL to PDF with a Chromium-based browser driven over the DevTools protocol
 * on a pipe (--remote-debugging-pipe: no port, no WebSocket library). Waits until the
 * page marks itself ready (`[data-print-ready="true"]`, set by the print view once its
 * data and fonts are in), then prints with CSS page size and backgrounds, as Electron does.
 */
export async function printUrlToPdf(browser: string, url: string, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  const profile = mkdtempSync(join(tmpdir(), 'patron-print-'));
  const child = spawn(browser, ['--headless', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const pending = new Map<number, { ok: (r: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  let buffer = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as CdpMessage;
      buffer = buffer.slice(end + 1);
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p || msg.id === undefined) continue;
      pending.delete(msg.id);
      if (msg.error) p.fail(new Error(msg.error.message));
      else p.ok(msg.result ?? {});
    }
  });
  const exited = new Promise<never>((_, fail) => {
    child.on('error', (e) => fail(e));
    child.on('exit', (code) => fail(new Error(`the browser exited (code ${String(code)}) before the PDF was made: ${stderr.trim().split('\n').slice(-3).join(' ')}`)));
  });
  let nextId = 1;
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    const id = nextId++;
    const answer = new Promise<Record<string, unknown>>((ok, fail) => pending.set(id, { ok, fail }));
    toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return Promise.race([answer, exited]);
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  try {
    const { targetId } = (await send('Target.createTarget', { url })) as { targetId: string };
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    for (;;) {
      const r = (await send('Runtime.evaluate', { expression: `document.querySelector('[data-print-ready="true"]') !== null`, returnByValue: true }, sessionId)) as { result?: { value?: unknown } };
      if (r.result?.value === true) break;
      if (Date.now() > deadline) throw new Error(`the page did not finish loading within ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s: ${url}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const { data } = (await send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }, sessionId)) as { data: string };
    await send('Browser.close').catch(() => undefined);
    return Buffer.from(data, 'base64');
  } finally {
    exited.catch(() => undefined);
    // Let the browser finish writing its profile before the folder goes.
    const gone = child.exitCode !== null ? Promise.resolve() : new Promise<void>((ok) => child.once('exit', () => ok()));
    const timer = setTimeout(() => child.kill(), 5000);
    await gone;
    clearTimeout(timer);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // A leftover temp profile is harmless; the PDF is made.
    }
  }
}
