// The committed catalog must be what the generator makes from the LOLRMM data (CI keeps the
// data at ../shared/data/lolrmm): a stale or hand-edited assets/remote-catalog.json fails here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const data = join(repo, '..', 'shared', 'data', 'lolrmm');

describe('scripts/build-remote-catalog.ts', () => {
  it.runIf(existsSync(join(data, 'yaml')))('regenerates the committed catalog byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scarestop-catalog-'));
    try {
      const out = join(dir, 'catalog.json');
      execFileSync(process.execPath, [join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repo, 'scripts', 'build-remote-catalog.ts'), data, out], { stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repo, 'assets', 'remote-catalog.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
