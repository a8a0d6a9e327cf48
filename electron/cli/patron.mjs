#!/usr/bin/env node
// The `patron` command. It runs the TypeScript sources through tsx so that
// `npx patron …` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
