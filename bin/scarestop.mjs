#!/usr/bin/env node
// The `scarestop` command. Runs the TypeScript sources through tsx's loader, so it works right
// after `npm ci` with no build step. Node 22.12 or newer (package.json "engines"): older Node
// cannot load the database module and would crash without a word.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`スケアストップには Node.js 22.12 以降が必要です（いまは ${process.versions.node}）。`);
  console.error(`ScareStop needs Node.js 22.12 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
