/** The watcher's public API (the tray app and the CLI import from here). */
export { createWatcher, type Watcher, type WatcherDeps, type WatcherOptions } from './watcher.js';
export { closeForeground, REFUSAL_MESSAGES, type CloseNowResult, type CloseNowRefusal, type CloseNowDeps } from './close-now.js';
export { closeEventOf, closeFailedEventOf } from './close-event.js';
export { escalateClose, DEFAULT_ESCALATION_TIMING, type CloseReport, type EscalationTiming } from './escalation.js';
export { isAllowed, cleanTitle, allowValueForTitle, allowEntriesFromStored, type AllowEntry, type AllowSubject } from './allow-list.js';
export { DEFAULT_BURST_RULE, type BurstRule } from './popup-burst.js';
export { systemClock } from './system-clock.js';
