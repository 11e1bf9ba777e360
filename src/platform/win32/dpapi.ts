/**
 * DPAPI (crypt32 CryptProtectData / CryptUnprotectData) through koffi: secrets sealed for the
 * current Windows user, as Electron's safeStorage does, usable from the app and the CLI alike.
 * koffi is loaded synchronously on first use (the stores that call this are synchronous), so
 * Linux never loads it.
 */
import { createRequire } from 'node:module';
import { PlatformError } from '../../engine/ports/errors.js';
import { DPAPI_MARKER, type SecretSealer } from '../../engine/ports/secrets.js';
import type { Koffi } from './native-modules.js';

/** No dialog may ever appear: the watcher runs unattended. */
const CRYPTPROTECT_UI_FORBIDDEN = 0x1;
/**
 * Extra entropy: another program running as the same user must also know this to unseal. It
 * is not a secret key, only a second lock that a generic "unprotect everything" tool lacks.
 */
const ENTROPY = Buffer.from('ScareStop family-alert secret v1', 'utf8');

/** Encrypt/decrypt bytes for the current user. */
export interface Crypt32 {
  protect(plain: Buffer): Buffer;
  unprotect(sealed: Buffer): Buffer;
}

interface Blob {
  cbData: number;
  pbData: unknown;
}

/** Binds crypt32.dll (and kernel32's LocalFree for the blobs DPAPI allocates). */
export function bindCrypt32(koffi: Koffi): Crypt32 {
  const crypt32 = koffi.load('crypt32.dll');
  const kernel32 = koffi.load('kernel32.dll');
  koffi.struct('ScareStopDATA_BLOB', { cbData: 'uint32_t', pbData: 'uint8_t *' });
  const CryptProtectData = crypt32.func(
    'bool __stdcall CryptProtectData(ScareStopDATA_BLOB *dataIn, str16 description, ScareStopDATA_BLOB *entropy, void *reserved, void *prompt, uint32_t flags, _Out_ ScareStopDATA_BLOB *dataOut)',
  );
  const CryptUnprotectData = crypt32.func(
    'bool __stdcall CryptUnprotectData(ScareStopDATA_BLOB *dataIn, void *description, ScareStopDATA_BLOB *entropy, void *reserved, void *prompt, uint32_t flags, _Out_ ScareStopDATA_BLOB *dataOut)',
  );
  const LocalFree = kernel32.func('void * __stdcall LocalFree(void *mem)');
  const GetLastError = kernel32.func('uint32_t __stdcall GetLastError()');

  const run = (what: string, call: (input: Blob, entropy: Blob, output: Blob) => boolean, data: Buffer): Buffer => {
    const output: Blob = { cbData: 0, pbData: null };
    if (!call({ cbData: data.length, pbData: data }, { cbData: ENTROPY.length, pbData: ENTROPY }, output)) {
      throw new PlatformError('secret-unreadable', `${what} failed (Windows error ${String(GetLastError())})`);
    }
    try {
      return Buffer.from(koffi.decode(output.pbData, 'uint8_t', output.cbData) as number[]);
    } finally {
      LocalFree(output.pbData);
    }
  };
  return {
    protect: (plain) => run('CryptProtectData', (i, e, o) => CryptProtectData(i, 'ScareStop', e, null, null, CRYPTPROTECT_UI_FORBIDDEN, o) as boolean, plain),
    unprotect: (sealed) => run('CryptUnprotectData', (i, e, o) => CryptUnprotectData(i, null, e, null, null, CRYPTPROTECT_UI_FORBIDDEN, o) as boolean, sealed),
  };
}

function requireKoffi(): Koffi {
  try {
    return createRequire(import.meta.url)('koffi') as Koffi;
  } catch (cause) {
    throw new PlatformError('native-module-missing', `koffi could not be loaded (needed to protect passwords): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** crypt32 bound once per process: koffi refuses a second type of the same name. */
let processCrypt32: Crypt32 | undefined;
const bindOnce = (): Crypt32 => (processCrypt32 ??= bindCrypt32(requireKoffi()));

/** The Windows {@link SecretSealer}: `dpapi:` + base64 of the DPAPI blob. Binds crypt32 on first use. */
export function createDpapiSealer(load: () => Crypt32 = bindOnce): SecretSealer {
  let crypt32: Crypt32 | undefined;
  const api = (): Crypt32 => (crypt32 ??= load());
  return {
    protection: 'dpapi',
    seal: (plain) => DPAPI_MARKER + api().protect(Buffer.from(plain, 'utf8')).toString('base64'),
    open: (stored) => (stored.startsWith(DPAPI_MARKER) ? api().unprotect(Buffer.from(stored.slice(DPAPI_MARKER.length), 'base64')).toString('utf8') : stored),
  };
}
