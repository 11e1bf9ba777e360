/**
 * The Linux {@link SecretSealer}: no DPAPI here, so secrets stay as they are in the incident
 * database, whose folder and files only their owner can read (the storage layer sets 0700/0600).
 * A value sealed by Windows' DPAPI (a database copied from a Windows PC) cannot be opened here.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { DPAPI_MARKER, type SecretSealer } from '../../engine/ports/secrets.js';

/** Secrets kept as they are, protected by file permissions. */
export const ownerOnlySecrets: SecretSealer = {
  protection: 'owner-only-files',
  seal: (plain) => plain,
  open: (stored) => {
    if (stored.startsWith(DPAPI_MARKER)) throw new PlatformError('secret-unreadable', 'this secret was sealed by Windows (DPAPI) on another computer');
    return stored;
  },
};
