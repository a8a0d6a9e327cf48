import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from './bridge';

/**
 * Starts the HTTP bridge for Playwright (one per test) or for a person who
 * wants the UI in a plain browser: `npx tsx test/harness/serve.ts --db /tmp/x.sqlite`.
 * Prints `PATRON_BRIDGE_URL=<url>` once listening; stops on SIGTERM/SIGINT.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    locale: { type: 'string', default: 'zh-CN' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: resolve(import.meta.dirname, '../../out/renderer') },
  },
});
if (!values.db) {
  console.error('usage: tsx test/harness/serve.ts --db FILE [--locale zh-CN|en-US] [--port N] [--renderer DIR]');
  process.exit(2);
}
const bridge = await startBridge({ dbPath: resolve(values.db), rendererDir: resolve(values.renderer), systemLocale: values.locale, port: Number(values.port) });
console.log(`PATRON_BRIDGE_URL=${bridge.url}`);
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
