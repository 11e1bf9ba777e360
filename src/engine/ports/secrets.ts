/**
 * How small secrets (the SMTP password, a webhook URL that carries a token) are kept in the
 * incident database. Windows: DPAPI, tied to the user's Windows login (the same store Electron's
 * safeStorage uses), so a copied database file is useless elsewhere. Linux: stored as they are,
 * in a data folder and files only their owner can read (there is no DPAPI, and a desktop
 * keyring is not there for a headless `scarestop watch`).
 */

/** Marks a stored value sealed by Windows' DPAPI (base64 of the DPAPI blob follows). */
export const DPAPI_MARKER = 'dpapi:';

/** Which protection a {@link SecretSealer} gives. */
export type SecretProtection = 'dpapi' | 'owner-only-files';

/** Seals secrets before they are written and opens them after they are read. Synchronous. */
export interface SecretSealer {
  readonly protection: SecretProtection;
  /** The text to store for `plain`. */
  seal(plain: string): string;
  /**
   * The secret behind a stored text. A value stored before sealing existed (no seal marker) is
   * returned as it is; a sealed value that cannot be opened (another Windows user or PC)
   * throws a PlatformError('secret-unreadable').
   */
  open(stored: string): string;
}
