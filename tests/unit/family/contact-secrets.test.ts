/**
 * The secret read/write path of the family stores: the SMTP password and webhook URLs go through
 * the SecretSealer on the way into the database file and back out. The sealer here is a
 * reversible stand-in (DPAPI itself is tested under Wine, tests/wine/secrets.test.ts); the Linux
 * sealer and the CLI's "who can read it" line are the real ones.
 */
import { chmodSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSecretKeeping } from '../../../src/engine/family/secret-keeping.js';
import { DPAPI_MARKER, type SecretSealer } from '../../../src/engine/ports/secrets.js';
import { dataFolderAccess } from '../../../src/cli/commands/family-runtime.js';
import { secretSealer } from '../../../src/platform/index.js';
import { ownerOnlySecrets } from '../../../src/platform/linux/owner-only-secrets.js';
import { SqliteContactStore, SqliteFamilySettings } from '../../../src/storage/contacts-repo.js';
import { tempDatabase } from './support/temp-db.js';

/** Seals by reversing the base64 of the text: nothing of the secret is left readable. */
const reversing: SecretSealer = {
  protection: 'dpapi',
  seal: (plain) => DPAPI_MARKER + [...Buffer.from(plain, 'utf8').toString('base64')].reverse().join(''),
  open: (stored) => {
    if (!stored.startsWith(DPAPI_MARKER)) return stored;
    if (stored.endsWith('!')) throw new Error('sealed for someone else');
    return Buffer.from([...stored.slice(DPAPI_MARKER.length)].reverse().join(''), 'base64').toString('utf8');
  },
};

const password = 'hunter2-秘密のパスワード';
const webhook = 'https://ntfy.example/secret-topic-4f9a?auth=tk_8d1e';
const smtp = { host: 'smtp.example.jp', port: 587, security: 'starttls' as const, from: 'guard@example.jp', user: 'guard', password };

function rawDatabaseText(path: string): string {
  return ['', '-wal'].map((suffix) => {
    try {
      return readFileSync(path + suffix).toString('latin1') + readFileSync(path + suffix).toString('utf8');
    } catch {
      return ''; // no WAL file right now
    }
  }).join('');
}

describe('secrets in the family stores', () => {
  let temp: ReturnType<typeof tempDatabase>;
  beforeEach(() => (temp = tempDatabase()));
  afterEach(() => temp.cleanup());

  it('writes the password and the webhook URL sealed, and reads them back after a restart', () => {
    new SqliteFamilySettings(temp.db, reversing).set({ smtp, deviceName: '母のパソコン' });
    new SqliteContactStore(temp.db, reversing).save({ id: 'c-1', name: 'Ken', language: 'ja', webhook: { url: webhook, mode: 'ntfy' }, triggers: ['scam-page'] });
    const db = temp.reopen();
    expect(new SqliteFamilySettings(db, reversing).get()).toEqual({ smtp, deviceName: '母のパソコン' });
    expect(new SqliteContactStore(db, reversing).get('c-1')?.webhook).toEqual({ url: webhook, mode: 'ntfy' });
    db.close();
    const raw = rawDatabaseText(temp.path);
    expect(raw).toContain('guard@example.jp'); // the file is readable here; only the secrets are sealed
    for (const secret of ['hunter2', 'secret-topic', 'tk_8d1e']) expect(raw).not.toContain(secret);
  });

  it('reads values stored before sealing as they are', () => {
    temp.db.prepare("INSERT INTO family_settings (key, value, updated_at) VALUES ('family', ?, 0)").run(JSON.stringify({ smtp }));
    expect(new SqliteFamilySettings(temp.db, reversing).get().smtp?.password).toBe(password);
  });

  it('a secret sealed for another Windows user reads as missing; the rest still works', () => {
    const stored = { smtp: { ...smtp, password: `${reversing.seal(password)}!` } };
    temp.db.prepare("INSERT INTO family_settings (key, value, updated_at) VALUES ('family', ?, 0)").run(JSON.stringify(stored));
    const { password: _lost, ...withoutPassword } = smtp;
    expect(new SqliteFamilySettings(temp.db, reversing).get()).toEqual({ smtp: withoutPassword });
  });
});

// POSIX file modes: on Windows chmod only toggles read-only, and secrets use DPAPI there.
describe.runIf(process.platform !== 'win32')('Linux: secrets kept by file permissions', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scarestop-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('each OS gets its own way (DPAPI is bound only when first used, so this loads nothing native)', () => {
    expect(secretSealer('linux')).toBe(ownerOnlySecrets);
    expect(secretSealer('win32').protection).toBe('dpapi');
  });

  it('stores secrets as they are and refuses a value Windows sealed', () => {
    expect(ownerOnlySecrets.seal(password)).toBe(password);
    expect(ownerOnlySecrets.open(password)).toBe(password);
    expect(() => ownerOnlySecrets.open(`${DPAPI_MARKER}AQAAANCMnd8B`)).toThrow(/sealed by Windows/);
  });

  it('tells whether only the owner can read the data folder and the database, and what to do if not', () => {
    const file = join(dir, 'scarestop.db');
    writeFileSync(file, '');
    chmodSync(dir, 0o700);
    chmodSync(file, 0o600);
    expect(describeSecretKeeping('owner-only-files', dataFolderAccess(file))).toBe(`The password and webhook addresses are stored unencrypted in ${dir}, which only your user account can read.`);
    chmodSync(file, 0o644);
    expect(describeSecretKeeping('owner-only-files', dataFolderAccess(file))).toBe(
      `Warning: the password and webhook addresses are stored unencrypted in ${dir}, and other users of this computer can read it. Run: chmod -R go-rwx '${dir}'`,
    );
    chmodSync(file, 0o600);
    chmodSync(dir, 0o755);
    expect(dataFolderAccess(file).ownerOnly).toBe(false);
  });
});
