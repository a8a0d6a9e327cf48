import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new CliError(`patron ${command}: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
}

export function requireDb(command: string, db: unknown): string {
  if (typeof db !== 'string' || db.length === 0) throw new CliError(`patron ${command}: --db FILE is required`, 2);
  return resolve(db);
}

export function positiveInt(command: string, flag: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`patron ${command}: ${flag} must be a positive whole number, got "${typeof value === 'string' ? value : JSON.stringify(value)}"`, 2);
  return n;
}
