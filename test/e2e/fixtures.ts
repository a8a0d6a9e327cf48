import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

export interface PatronServer {
  url: string;
  dbPath: string;
  /** Starts another bridge on the same database (to simulate restarting the app). */
  restart(): Promise<string>;
  /** Writes `bytes` as a file called `name` and makes it what the next open dialog chooses. */
  chooseFile(name: string, bytes: Buffer): Promise<void>;
}

/** Starts a bridge process on `dbPath` and resolves with its URL once it serves. */
export async function spawnBridge(dbPath: string, locale: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/harness/serve.ts'), '--db', dbPath, '--locale', locale], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`bridge did not start within 60 s: ${seen}`)), 60_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /PATRON_BRIDGE_URL=(\S+)/.exec(seen);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    proc.on('exit', (code) => fail(new Error(`bridge exited with ${code}: ${seen}`)));
  });
  return { url, proc };
}

export function stop(proc: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (proc.exitCode !== null) {
      ok();
      return;
    }
    proc.once('exit', () => ok());
    proc.kill('SIGTERM');
  });
}

/**
 * `patron`: a real bridge process (real services, real SQLite file in a temp
 * folder) serving the built renderer. `systemLocale` plays the OS language.
 */
export const test = base.extend<{ systemLocale: string; patron: PatronServer }>({
  systemLocale: ['zh-CN', { option: true }],
  patron: async ({ systemLocale }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-'));
    const dbPath = join(dir, 'patron.sqlite');
    let current = await spawnBridge(dbPath, systemLocale);
    await use({
      url: current.url,
      dbPath,
      restart: async () => {
        await stop(current.proc);
        current = await spawnBridge(dbPath, systemLocale);
        return current.url;
      },
      chooseFile: async (name, bytes) => {
        const file = join(mkdtempSync(join(dir, 'chosen-')), name);
        writeFileSync(file, bytes);
        const res = await fetch(new URL('__patron/test/open-file', current.url), { method: 'POST', body: JSON.stringify({ path: file }) });
        if (!res.ok) throw new Error(`the bridge did not take the chosen file: ${res.status}`);
      },
    });
    await stop(current.proc);
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

export const screenshotDir = join(root, 'test-results', 'screenshots');
