#!/usr/bin/env node
// The `patron` command: runs the compiled CLI in .build/cli/ (electron/tools/buildCli.mjs,
// made by npm's postinstall). When a source is newer than that build, it is rebuilt
// first (esbuild, about a second), so an edited checkout never runs stale code.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, cliBuildIsStale, CLI_DIR } from '../tools/buildCli.mjs';

if (cliBuildIsStale()) await buildCli();
const { main } = await import(pathToFileURL(join(CLI_DIR, 'patron.js')).href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
