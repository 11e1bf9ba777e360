import type { Clock } from '../ports/clock.js';

/** Waits `ms` on the injected clock (fake in tests); resolves early, without error, on abort. */
export function waitFor(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      resolve();
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls `check` every `intervalMs` until it returns true or `timeoutMs` passed. Used to verify
 * each close step before escalating (a window closes asynchronously).
 */
export async function pollUntil(clock: Clock, check: () => Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<boolean> {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (clock.now() >= deadline) return false;
    await waitFor(clock, Math.min(intervalMs, Math.max(1, deadline - clock.now())));
  }
}
