import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

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

/**
 * The React plugin's fast-refresh preamble is an inline script, which the
 * strict CSP forbids. Only the dev server (`npm run dev`) gets an allowance for
 * it; builds keep `script-src 'self'`.
 */
function devCspAllowance(): Plugin {
  return {
    name: 'patron:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // Job worker thread (electron/jobs/runner.ts). Each job module is its own entry: 'jobs/<kind>'.
          worker: resolve(root, 'electron/jobs/worker.ts'),
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
    plugins: [react(), devCspAllowance()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
  },
});
