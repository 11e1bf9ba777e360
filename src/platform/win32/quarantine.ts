/**
 * Windows quarantine: the same folder format as Linux (`<dataHome>\quarantine\<id>\` with
 * `manifest.json`); the stored file has no `.exe` extension, so it cannot be started by a
 * double click. A running executable is locked by Windows: stop it first (the wizard does).
 */
import { join } from 'node:path';
import { FolderQuarantine } from '../linux/quarantine.js';

/** The quarantine folder inside the data folder. */
export function createWin32Quarantine(dataHome: string): FolderQuarantine {
  return new FolderQuarantine(join(dataHome, 'quarantine'));
}
