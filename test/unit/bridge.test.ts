import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../harness/bridge';
import { tempDir } from './helpers/temp';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function start() {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head></html>');
  writeFileSync(join(dir, 'app.js'), 'console.log("app")');
  const db = join(dir, 'bridge.sqlite');
  // The bridge opens the database the way the app does: no file means a demo database.
  bridge = await startBridge({ dbPath: db, rendererDir: dir, systemLocale: 'en-US', now: new Date('2026-11-23T08:00:00Z') });
  return bridge;
}

function post(b: Bridge, channel: string, body: unknown, origin: string | null = new URL(b.url).origin) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (origin) headers.origin = origin;
  return fetch(new URL(`__patron/ipc/${channel}`, b.url), { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
}

describe('HTTP bridge (test harness)', () => {
  it('serves the renderer with the test preload injected before the app script', async () => {
    const b = await start();
    const html = await fetch(b.url).then((r) => r.text());
    expect(html.indexOf('__patron/preload.js')).toBeGreaterThan(-1);
    expect(html.indexOf('__patron/preload.js')).toBeLessThan(html.indexOf('app.js'));
    const preload = await fetch(new URL('__patron/preload.js', b.url)).then((r) => r.text());
    expect(preload).toContain('window.patron');
    expect((await fetch(new URL('../../etc/passwd', b.url))).status).toBe(404);
  });

  it('answers contract calls through the same handler table, with typed errors', async () => {
    const b = await start();
    const info = (await post(b, 'app:info', {})) as { ok: boolean; value: { systemLocale: string } };
    expect(info).toMatchObject({ ok: true, value: { systemLocale: 'en-US', runtime: 'node' } });
    expect(await post(b, 'customers:nuke', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await post(b, 'customers:get', { id: 'one' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await post(b, 'app:info', {}, 'http://127.0.0.1:1')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await post(b, 'app:info', {}, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pushes db:changed events to subscribers', async () => {
    const b = await start();
    const controller = new AbortController();
    const res = await fetch(new URL('__patron/events', b.url), { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // the ": connected" comment
    await post(b, 'settings:set', { language: 'en' });
    const chunk = (await reader.read()) as { value?: Uint8Array };
    expect(new TextDecoder().decode(chunk.value)).toBe('event: db:changed\ndata: {"tables":["settings"]}\n\n');
    controller.abort();
  });
});
