/**
 * Secrets the Windows way, for real under Wine with Windows' own node.exe: DPAPI seals and opens
 * (and refuses a changed blob), and the SMTP password and webhook URL written by the family
 * stores are not in the database file in plain text, yet read back after reopening it. The
 * database module is the same Node-API better-sqlite3 package the Linux tests load, here as its
 * Windows binary under node.exe 22 (another Node ABI than the tests' Node 24).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriver } from './support/driver.js';
import { startWine, type WineSession } from './support/wine.js';

interface Results {
  protection: string;
  sealed: string;
  opened: string;
  openedBySecondSealer: string;
  tampered: string;
  readBack: { password?: string; webhook?: string; storedPassword: string };
  sealMs: number;
  openMs: number;
  modulesVersion: string;
}

const password = 'hunter2-秘密のパスワード';
const webhook = 'https://ntfy.example/secret-topic-4f9a?auth=tk_8d1e';

let wine: WineSession | undefined;
let results: Results;
let dataDir = '';

beforeAll(async () => {
  wine = await startWine();
  dataDir = join(wine.workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  results = (await runDriver<Results>(wine, 'secrets', { dataDir: wine.windowsPath(dataDir), password, webhook })).results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('DPAPI secrets under Wine', () => {
  it('seals with DPAPI and opens to the same text; a changed blob is refused', () => {
    expect(results.protection).toBe('dpapi');
    expect(results.sealed).toMatch(/^dpapi:[A-Za-z0-9+/]+=*$/);
    expect(results.sealed).not.toContain('hunter2');
    expect(results.opened).toBe(password);
    expect(results.openedBySecondSealer).toBe(password);
    expect(results.tampered).toBe('secret-unreadable');
  });

  it('the family stores keep the password and the webhook URL sealed in the file and read them back', () => {
    expect(results.readBack.password).toBe(password);
    expect(results.readBack.webhook).toBe(webhook);
    expect(results.readBack.storedPassword).toMatch(/^dpapi:/);
    const files = readdirSync(dataDir).filter((name) => name.startsWith('scarestop.db'));
    expect(files).toContain('scarestop.db');
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))));
    expect(bytes.includes(Buffer.from('guard@example.jp'))).toBe(true); // the settings are there
    for (const secret of ['hunter2', '秘密のパスワード', 'secret-topic', 'tk_8d1e']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
  });

  it("ran on Windows' node.exe 22 with the same better-sqlite3 package (another Node ABI than this one)", () => {
    expect(results.modulesVersion).toBe('127');
    expect(process.versions.modules).not.toBe(results.modulesVersion);
  });
});
