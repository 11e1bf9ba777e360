import type { Clock, TimerHandle } from '../ports/clock.js';

/** The real clock (front doors pass it; engine tests pass a fake one). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as TimerHandle,
  clearTimeout: (handle) => clearTimeout(handle as unknown as ReturnType<typeof setTimeout>),
};
