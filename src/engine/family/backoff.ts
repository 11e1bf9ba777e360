/**
 * When to try an undelivered alert again. Exponential backoff with a cap, a little jitter so a
 * whole queue does not retry in the same second, and an age after which we give up.
 */

/** Retry policy; all times in milliseconds. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly factor: number;
  readonly maxMs: number;
  /** Fraction of the delay added or removed at random (0.1 = ±10 %). */
  readonly jitter: number;
  /** Pending items older than this are marked expired. */
  readonly maxAgeMs: number;
}

/** 30 s, 1 min, 2 min ... up to 1 h; give up after 3 days (the wizard may keep the PC offline). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 30_000,
  factor: 2,
  maxMs: 60 * 60_000,
  jitter: 0.1,
  maxAgeMs: 3 * 24 * 60 * 60_000,
};

/**
 * Delay before attempt number `attempts + 1`, given `attempts` failed ones (>= 1).
 * A failure that needs a settings change waits the maximum: retrying sooner cannot help.
 */
export function retryDelay(attempts: number, retryable: boolean, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const raw = retryable ? Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent) : policy.maxMs;
  const spread = raw * policy.jitter * (random() * 2 - 1);
  return Math.max(1_000, Math.round(raw + spread));
}
