/**
 * Windows quarantine: the same code and folder format as Linux (`<dataHome>\quarantine\<id>\`
 * with `manifest.json`; copy → fsync → verify → remove the original); the stored file has no
 * `.exe` extension, so it cannot be started by a double click. A running executable is locked
 * by Windows: stop it first (the wizard does); a locked original is left where it was.
 */
import { join } from 'node:path';
import { FolderQuarantine } from '../folder-quarantine.js';

/** The quarantine folder inside the data folder. */
export function createWin32Quarantine(dataHome: string): FolderQuarantine {
  // Windows cannot open a folder to fsync it; file data is still flushed before the original goes.
  return new FolderQuarantine(join(dataHome, 'quarantine'), { syncFolders: false });
}
