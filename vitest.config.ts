import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// better-sqlite3 13 (Node-API) needs Node 22 or newer; on Node 20 it crashes the test process
// without a message, so say it here. `bash .ci/run` brings Node 24 from the npm registry
// (`bash scripts/node-lts.sh` alone prints the PATH to use).
const sqliteMajor = Number((createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version.split('.')[0]);
if (sqliteMajor >= 13 && Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`The tests need Node.js 22.12 or newer (this is ${process.versions.node}): run them with the Node from \`bash scripts/node-lts.sh\`.`);
}

// One runner for everything. End-to-end files start their own Xvfb display (tests/e2e/support),
// so files can run in parallel without fighting over the foreground window.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // Tests run bin/scarestop.mjs, which runs the built CLI: build it from these sources first.
    globalSetup: ['tests/support/build-cli.global-setup.ts'],
  },
});
