/**
 * A failing OS call becomes this typed error: logged, reported, and the loop goes on.
 * `code` is stable (`display-unavailable`, `native-module-missing`, `command-failed`, ...).
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
