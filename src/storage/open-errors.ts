/**
 * Sorting out why a database would not open. Only real damage (`corrupt`) may move the user's
 * record aside; a full disk, a read-only folder or a lock held by another program are passing
 * troubles, and renaming the file for them is how a healthy record used to get lost.
 */
import { statfsSync } from 'node:fs';
import type { StoreReadOnlyReason } from '../engine/ports/store.js';

/** What kind of trouble an open error is. */
export type OpenTrouble = 'corrupt' | Exclude<StoreReadOnlyReason, 'newer-version' | 'no-version-table'> | 'io-error';

/** Thrown by our own checks when the file is not a healthy SQLite database. */
export class DamagedDatabaseError extends Error {
  readonly code = 'SCARESTOP_DAMAGED';
}

/**
 * The store cannot be opened at all, not even for reading (no file yet and none can be made, or
 * an unexpected I/O error). Nothing was renamed or deleted.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: OpenTrouble | StoreReadOnlyReason,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`The record at ${path} cannot be opened (${reason}); nothing was changed.`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The error code of a Node or better-sqlite3 error, if any. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Below this much free space an I/O error is taken to mean "disk full". */
const LOW_SPACE_BYTES = 512 * 1024;

/** Free bytes for unprivileged writers in the folder, or undefined when it cannot be read. */
function freeBytes(folder: string): number | undefined {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined; // statfs missing or refused: classify by the code alone
  }
}

/**
 * Classifies an open error. SQLite reports a full disk as `SQLITE_FULL` but also as an I/O error
 * while sizing its shared-memory file, so I/O errors are told apart by the free space left.
 */
export function classifyOpenError(error: unknown, folder: string): OpenTrouble {
  const code = errorCode(error);
  if (error instanceof DamagedDatabaseError || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'no-space';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return 'cannot-write';
  }
  if (code.startsWith('SQLITE_IOERR')) {
    const free = freeBytes(folder);
    return free !== undefined && free < LOW_SPACE_BYTES ? 'no-space' : 'io-error';
  }
  return 'io-error';
}
