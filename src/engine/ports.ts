/**
 * The interfaces the engine needs from the world. Implementations live in `src/platform/*`
 * (OS) and `src/storage/` (database); tests use fakes.
 */
export type * from './ports/clock.js';
export { PlatformError } from './ports/errors.js';
export type * from './ports/windows.js';
export type * from './ports/processes.js';
export type * from './ports/inventory.js';
export type * from './ports/page-text.js';
export type * from './ports/system-actions.js';
export type * from './ports/network-journal.js';
export type * from './ports/store.js';
export type * from './ports/notify.js';
