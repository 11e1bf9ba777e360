/**
 * What the CLI tells the user about how the mail password (and webhook addresses) are kept.
 * Plain words; no internal codes beyond the name of the Windows feature.
 */
import type { SecretProtection } from '../ports/secrets.js';

/** Who can read the data folder and database file, as the CLI found them (Linux). */
export interface DataFolderAccess {
  readonly folder: string;
  /** True when neither the folder nor the database file is readable by other users. */
  readonly ownerOnly: boolean;
}

/** One line on how secrets are kept here, with what to do when they are not safe. */
export function describeSecretKeeping(protection: SecretProtection, access: DataFolderAccess): string {
  switch (protection) {
    case 'dpapi':
      return 'The password and webhook addresses are encrypted for your Windows account (DPAPI): a copy of the database is useless elsewhere.';
    case 'owner-only-files':
      return access.ownerOnly
        ? `The password and webhook addresses are stored unencrypted in ${access.folder}, which only your user account can read.`
        : `Warning: the password and webhook addresses are stored unencrypted in ${access.folder}, and other users of this computer can read it. Run: chmod -R go-rwx '${access.folder}'`;
    default: {
      const unknown: never = protection;
      return unknown;
    }
  }
}
