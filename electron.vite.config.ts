import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { jobEntries } from './electron/jobs/entries';
import { contentSecurityPolicy } from './shared/security/csp';

const root = import.meta.dirname;

/** The migration runner reads numbered .sql files at run time; ship them beside the bundled main script. */
function copyMigrations(): Plugin {
  return {
    name: 'patron:copy-migrations',
    closeBundle() {
      cpSync(resolve(root, 'electron/db/migrations'), resolve(root, 'out/main/migrations'), { recursive: true });
    },
  };
}

/** Puts the one CSP (shared/security/csp.ts) into index.html; the dev server's version allows React's inline preamble. */
function contentSecurityPolicyMeta(): Plugin {
  let devServer = false;
  return {
    name: 'patron:csp-meta',
    configResolved: (config) => {
      devServer = config.command === 'serve';
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ devServer }) }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // The database thread (electron/dbThread/client.ts starts it by this name).
          'db-thread': resolve(root, 'electron/dbThread/worker.ts'),
          // The job thread (electron/jobs/runner.ts), which loads one job module: 'jobs/<kind>', one per file in electron/jobs/kinds/.
          worker: resolve(root, 'electron/jobs/worker.ts'),
          // A share of the rollup repair's reading (electron/jobs/threads.ts starts it by this name).
          'rollup-check': resolve(root, 'electron/jobs/rollup-check.ts'),
          ...jobEntries(root),
        },
        formats: ['es'],
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS and self-contained.
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
  },
});
