#!/usr/bin/env node
// The `scarestop` command. Runs the CLI built ahead of time into plain JavaScript
// (scripts/build-cli.ts; `npm ci` and `npm install` build it through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`scarestop: the command has not been built yet. In ${root} run:\n  npm run build:cli\n(npm ci and npm install build it too.)\n`);
  process.exit(1);
}
const { runCommandLine } = await import(entry.href);
await runCommandLine(process.argv.slice(2));
