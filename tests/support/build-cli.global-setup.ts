/**
 * Vitest global set-up: builds the `scarestop` command from the sources under test before any
 * test file spawns bin/scarestop.mjs, so no test runs a stale build (esbuild, about a second).
 */
import { buildCli } from '../../scripts/build-cli.js';

export default async function setup(): Promise<void> {
  await buildCli();
}
