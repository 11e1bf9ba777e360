#!/usr/bin/env -S node --max-semi-space-size=2
// The flag caps V8's young generation at 2 MB per semi-space: the idle `scarestop watch` keeps
// ~9 MB less resident, and short commands are not measurably slower (npm run bench cli).
// `env -S` splits the line on Linux/macOS; npm's Windows .cmd shim passes the flag to node too.
// The `scarestop` command. Runs the CLI built ahead of time into plain JavaScript
// (scripts/build-cli.ts; `npm ci` and `npm install` build it through `prepare`).
// Node 22.12 or newer (package.json "engines"): older Node cannot load the database module.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`スケアストップには Node.js 22.12 以降が必要です（いまは ${process.versions.node}）。`);
  console.error(`ScareStop needs Node.js 22.12 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
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
