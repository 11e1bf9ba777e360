/**
 * Runs under Windows' node.exe in Wine: DPAPI through koffi (the app's and the CLI's sealer),
 * then the family stores writing the SMTP password and a webhook URL into a real database file
 * and reading them back after reopening it. Writes results.json; the test reads the file bytes.
 */
import { join } from 'node:path';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import { createDpapiSealer } from '../../../src/platform/win32/dpapi.js';
import { SqliteContactStore, SqliteFamilySettings } from '../../../src/storage/contacts-repo.js';
import { openDatabase } from '../../../src/storage/open.js';
import { readConfig, writeResults } from '../support/driver-io.js';

/** What the test passes in. */
export interface SecretsDriverConfig {
  readonly dataDir: string;
  readonly password: string;
  readonly webhook: string;
}

const config = readConfig<SecretsDriverConfig>();
const sealer = createDpapiSealer();

const sealStarted = performance.now();
const sealed = sealer.seal(config.password);
const sealMs = performance.now() - sealStarted;
const openStarted = performance.now();
const opened = sealer.open(sealed);
const openMs = performance.now() - openStarted;
// The CLI and the app make more than one sealer in a process (the family runtime, the alerts).
const openedBySecondSealer = createDpapiSealer().open(sealed);

// One byte of the DPAPI blob changed: DPAPI must refuse it, not return garbage.
const blob = Buffer.from(sealed.slice('dpapi:'.length), 'base64');
blob[blob.length - 5] = (blob[blob.length - 5] ?? 0) ^ 0xff;
let tampered: string;
try {
  tampered = `opened: ${sealer.open(`dpapi:${blob.toString('base64')}`)}`;
} catch (error) {
  tampered = error instanceof PlatformError ? error.code : String(error);
}

const path = join(config.dataDir, 'scarestop.db');
let db = openDatabase(path).db;
new SqliteFamilySettings(db, sealer).set({ smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', from: 'guard@example.jp', user: 'guard', password: config.password } });
new SqliteContactStore(db, sealer).save({ id: 'c-1', name: 'Ken', language: 'ja', webhook: { url: config.webhook, mode: 'ntfy' }, triggers: ['scam-page'] });
db.close();
db = openDatabase(path).db;
const readBack = {
  password: new SqliteFamilySettings(db, sealer).get().smtp?.password,
  webhook: new SqliteContactStore(db, sealer).get('c-1')?.webhook?.url,
  storedPassword: (JSON.parse((db.prepare("SELECT value FROM family_settings WHERE key = 'family'").get() as { value: string }).value) as { smtp: { password: string } }).smtp.password,
};
db.close();

writeResults({ protection: sealer.protection, sealed, opened, openedBySecondSealer, tampered, readBack, sealMs, openMs, modulesVersion: process.versions.modules });
