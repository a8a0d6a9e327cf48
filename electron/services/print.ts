import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PatronError } from '../../shared/ipc/errors';
import type { PrintRequest, PrintResult } from '../../shared/print/contract';
import { checkWriteTarget, writeAtomically } from '../export/safeWrite';
import type { ServiceContext } from './context';

/**
 * Renders a print route of the renderer (`#/print/…`) to paper or PDF. The Electron
 * shell loads the route in a hidden window (electron/main/print.ts); the browser
 * harness renders it with Playwright's Chromium (test/harness/printer.ts), so tests
 * and the benchmark produce the very same PDF.
 */
export interface Printer {
  pdf(route: string, opts: { paper: 'A4' | 'Letter' }): Promise<Buffer>;
  /** Sends the route to a printer through the system dialog; false when the user cancelled. Absent where there is no printer. */
  print?(route: string, opts: { paper: 'A4' | 'Letter' }): Promise<boolean>;
}

/** `<folder of the database>/prints`: where PDFs go when no save dialog exists (tests, harness). */
function printFolder(dbPath: string): string {
  return join(dirname(dbPath), 'prints');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

/** Print layouts any area can use: visit sheets now, survey forms and the manager report later. */
export function printService(ctx: ServiceContext) {
  const printer = (): Printer => {
    if (!ctx.printer) throw new PatronError('internal', 'printing is not available here (no renderer to print from)');
    return ctx.printer;
  };
  const checkRoute = (route: string) => {
    if (!route.startsWith('#/print/')) throw new PatronError('invalid_request', `not a print route: ${route}`, [{ path: 'route', message: 'must start with #/print/' }]);
  };

  return {
    /** Renders the route to PDF and saves it (where the user chooses, or in the prints folder). */
    async pdf(req: PrintRequest): Promise<PrintResult> {
      checkRoute(req.route);
      const name = `${req.fileName}-${stamp(ctx.now())}.pdf`;
      const chosen = ctx.dialogs?.saveFile ? await ctx.dialogs.saveFile(name, [{ name: 'PDF', extensions: ['pdf'] }]) : join(printFolder(ctx.dbPath), name);
      if (chosen === null) return { path: null, bytes: 0 };
      if (!ctx.dialogs?.saveFile) mkdirSync(dirname(chosen), { recursive: true });
      const target = checkWriteTarget(chosen, ctx.dbPath);
      const pdf = await printer().pdf(req.route, { paper: req.paper });
      await writeAtomically(target, ctx.dbPath, (temporary) => writeFileSync(temporary, pdf));
      return { path: target, bytes: pdf.length };
    },

    async print(req: PrintRequest): Promise<{ sent: boolean }> {
      checkRoute(req.route);
      const p = printer();
      if (!p.print) throw new PatronError('internal', 'no printer here: save as PDF instead');
      return { sent: await p.print(req.route, { paper: req.paper }) };
    },
  };
}
