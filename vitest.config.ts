import { defineConfig } from 'vitest/config';

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
