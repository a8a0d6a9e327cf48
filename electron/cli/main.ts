import { demoCommand, demoUsage } from './demo';
import { infoCommand, infoUsage } from './info';
import { adoptCommand, adoptUsage, initCommand, initUsage } from './init';
// — Backups, restore and integrity —
import { archiveCommand, archiveUsage, backupCommand, backupUsage, checkCommand, checkUsage, restoreCommand, restoreUsage } from './safety';
// — Import and export —
import { exportCommand, exportUsage, importCommand, importUsage } from './importExport';
// — Customer profiles: editing, views, duplicates, audit —
// — Segmentation and lifetime value —
import { clvCommand, clvUsage } from './clv';
import { rollupsCommand, rollupsUsage } from './rollups';
import { segmentCommand, segmentUsage } from './segment';
// — Warnings, complaints and care reminders —
import { warningsCommand, warningsUsage } from './warnings';
// — Visit plans and printing —
// — Satisfaction surveys —
import { surveyResultsCommand, surveyResultsUsage } from './surveys';
// — Dashboard and reports —
import { reportCommand, reportUsage } from './report';
// — Loyalty: levels, points, referrals —
import { pointsCommand, pointsUsage } from './points';
import { CliError, type Streams } from './output';

const commands: Record<string, { run: (argv: string[], out: Streams) => number | Promise<number>; usage: string; summary: string }> = {
  init: { run: initCommand, usage: initUsage, summary: 'create a new, empty database for a business (refuses an existing file)' },
  adopt: { run: adoptCommand, usage: adoptUsage, summary: "add Patron's tables to an SQLite file of another program (after a backup)" },
  demo: { run: demoCommand, usage: demoUsage, summary: 'create a database filled with realistic demo data' },
  info: { run: infoCommand, usage: infoUsage, summary: 'print the schema version and row counts of a database' },
  // — Backups, restore and integrity —
  backup: { run: backupCommand, usage: backupUsage, summary: 'write a verified backup (default: into backups/ beside the database)' },
  restore: { run: restoreCommand, usage: restoreUsage, summary: 'replace the database with a backup (the current state is backed up first)' },
  check: { run: checkCommand, usage: checkUsage, summary: 'run integrity_check and foreign_key_check; exit code 1 on problems' },
  archive: { run: archiveCommand, usage: archiveUsage, summary: 'export every table into one .xlsx workbook (one sheet per table)' },
  // — Import and export —
  import: { run: importCommand, usage: importUsage, summary: 'import customers, contacts, orders, interactions or complaints from CSV/XLSX' },
  export: { run: exportCommand, usage: exportUsage, summary: 'export customers or orders to .xlsx or .csv' },
  // — Customer profiles: editing, views, duplicates, audit —
  // — Segmentation and lifetime value —
  segment: { run: segmentCommand, usage: segmentUsage, summary: 'segment customers (RFM tiers, quadrant, lifecycle) and store the run' },
  clv: { run: clvCommand, usage: clvUsage, summary: 'fit BG/NBD + Gamma-Gamma and predict customer lifetime value' },
  rollups: { run: rollupsCommand, usage: rollupsUsage, summary: 'recompute the per-customer rollups from all orders and interactions and fix what differs' },
  // — Warnings, complaints and care reminders —
  warnings: { run: warningsCommand, usage: warningsUsage, summary: 'run the churn-warning rules for a day and print the open alerts' },
  // — Visit plans and printing —
  // — Satisfaction surveys —
  'survey-results': { run: surveyResultsCommand, usage: surveyResultsUsage, summary: 'print CSAT (overall and per dimension), NPS and response rate, by month' },
  // — Dashboard and reports —
  report: { run: reportCommand, usage: reportUsage, summary: 'the monthly manager report: KPIs as JSON, or a workbook (.xlsx) or PDF' },
  // — Loyalty: levels, points, referrals —
  points: { run: pointsCommand, usage: pointsUsage, summary: "print a customer's points ledger, balance and member level" },
};

function help(): string {
  const lines = ['Usage: patron <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(8)} ${c.summary}`, `           ${c.usage}`);
  lines.push('', 'Every command takes --db FILE; --json prints one JSON document instead of text.');
  return `${lines.join('\n')}\n`;
}

/** Runs one command; returns the exit code. Errors become one plain line on stderr. */
export async function main(argv: string[], out: Streams): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    out.stderr.write(`patron: unknown command "${name}"\n\n${help()}`);
    return 2;
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
