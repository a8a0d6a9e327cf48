import { CliError, type Streams } from './output';

interface Command {
  run: (argv: string[], out: Streams) => number | Promise<number>;
  usage: string;
}

/**
 * Each command's module is loaded only when that command runs (or help lists it), so
 * `patron info` does not load the import, export, report and segmentation code.
 */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  init: { summary: 'create a new, empty database for a business (refuses an existing file)', load: async () => import('./init').then((m) => ({ run: m.initCommand, usage: m.initUsage })) },
  adopt: { summary: "add Patron's tables to an SQLite file of another program (after a backup)", load: async () => import('./init').then((m) => ({ run: m.adoptCommand, usage: m.adoptUsage })) },
  demo: { summary: 'create a database filled with realistic demo data', load: async () => import('./demo').then((m) => ({ run: m.demoCommand, usage: m.demoUsage })) },
  info: { summary: 'print the schema version and row counts of a database', load: async () => import('./info').then((m) => ({ run: m.infoCommand, usage: m.infoUsage })) },
  backup: { summary: 'write a verified backup (default: into backups/ beside the database)', load: async () => import('./safety').then((m) => ({ run: m.backupCommand, usage: m.backupUsage })) },
  restore: { summary: 'replace the database with a backup (the current state is backed up first)', load: async () => import('./safety').then((m) => ({ run: m.restoreCommand, usage: m.restoreUsage })) },
  check: { summary: 'run integrity_check and foreign_key_check; exit code 1 on problems', load: async () => import('./safety').then((m) => ({ run: m.checkCommand, usage: m.checkUsage })) },
  archive: { summary: 'export every table into one .xlsx workbook (one sheet per table)', load: async () => import('./safety').then((m) => ({ run: m.archiveCommand, usage: m.archiveUsage })) },
  import: { summary: 'import customers, contacts, orders, interactions or complaints from CSV/XLSX', load: async () => import('./importExport').then((m) => ({ run: m.importCommand, usage: m.importUsage })) },
  export: { summary: 'export customers or orders to .xlsx or .csv', load: async () => import('./importExport').then((m) => ({ run: m.exportCommand, usage: m.exportUsage })) },
  segment: { summary: 'segment customers (RFM tiers, quadrant, lifecycle) and store the run', load: async () => import('./segment').then((m) => ({ run: m.segmentCommand, usage: m.segmentUsage })) },
  clv: { summary: 'fit BG/NBD + Gamma-Gamma and predict customer lifetime value', load: async () => import('./clv').then((m) => ({ run: m.clvCommand, usage: m.clvUsage })) },
  rollups: { summary: 'recompute the per-customer rollups from all orders and interactions and fix what differs', load: async () => import('./rollups').then((m) => ({ run: m.rollupsCommand, usage: m.rollupsUsage })) },
  warnings: { summary: 'run the churn-warning rules for a day and print the open alerts', load: async () => import('./warnings').then((m) => ({ run: m.warningsCommand, usage: m.warningsUsage })) },
  'survey-results': { summary: 'print CSAT (overall and per dimension), NPS and response rate, by month', load: async () => import('./surveys').then((m) => ({ run: m.surveyResultsCommand, usage: m.surveyResultsUsage })) },
  report: { summary: 'the monthly manager report: KPIs as JSON, or a workbook (.xlsx) or PDF', load: async () => import('./report').then((m) => ({ run: m.reportCommand, usage: m.reportUsage })) },
  points: { summary: "print a customer's points ledger, balance and member level", load: async () => import('./points').then((m) => ({ run: m.pointsCommand, usage: m.pointsUsage })) },
};

export const commandNames = Object.keys(commands);

async function help(): Promise<string> {
  const lines = ['Usage: patron <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(8)} ${c.summary}`, `           ${(await c.load()).usage}`);
  lines.push('', 'Every command takes --db FILE; --json prints one JSON document instead of text.', '`patron <command> --help` prints the usage of one command.');
  return `${lines.join('\n')}\n`;
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** Runs one command; returns the exit code. Errors become one plain line on stderr. */
export async function main(argv: string[], out: Streams): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || isHelp(name)) {
    out.stdout.write(await help());
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    out.stderr.write(`patron: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  const command = await entry.load();
  // Before the command parses anything: `--help` anywhere answers with the usage, even beside other options.
  if (rest.some((a) => a === '--help' || a === '-h')) {
    out.stdout.write(`patron ${name}: ${entry.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, out);
  } catch (err) {
    if (err instanceof CliError) {
      out.stderr.write(`${err.message}\n`);
      if (err.exitCode === 2) out.stderr.write(`usage: ${command.usage}\n`);
      return err.exitCode;
    }
    out.stderr.write(`patron ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
