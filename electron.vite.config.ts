import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
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
          // Job worker thread (electron/jobs/runner.ts). Each job module is its own entry: 'jobs/<kind>'.
          worker: resolve(root, 'electron/jobs/worker.ts'),
          // — Backups, restore and integrity —
          'jobs/archive': resolve(root, 'electron/jobs/archive.ts'),
          'jobs/backup': resolve(root, 'electron/jobs/backup.ts'),
          // — Import and export —
          'jobs/import': resolve(root, 'electron/jobs/import.ts'),
          'jobs/export': resolve(root, 'electron/jobs/export.ts'),
          // — Customer profiles: editing, views, duplicates, audit —
          // — Segmentation and lifetime value —
          'jobs/segment': resolve(root, 'electron/jobs/segment.ts'),
          'jobs/rollup-repair': resolve(root, 'electron/jobs/rollup-repair.ts'),
          // A share of the rollup repair's reading (electron/jobs/threads.ts starts it by this name).
          'rollup-check': resolve(root, 'electron/jobs/rollup-check.ts'),
          // — Warnings, complaints and care reminders —
          'jobs/warnings': resolve(root, 'electron/jobs/warnings.ts'),
          // — Visit plans and printing —
          // — Satisfaction surveys —
          // — Dashboard and reports —
          // — Loyalty: levels, points, referrals —
          'jobs/loyalty-sync': resolve(root, 'electron/jobs/loyalty-sync.ts'),
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
