/**
 * The renderer's only way out: `window.scarestop` (exposed by the preload, or by the test
 * harness). Calls return the value or throw an `ApiError` carrying the contract's error code.
 */
import type { EventChannel, EventPayload, IpcErrorCode, RequestArgs, RequestChannel, RequestResult, ScareStopBridge } from '../../src/shared/ipc.js';

declare global {
  interface Window {
    readonly scarestop?: ScareStopBridge;
  }
}

/** A request main refused or could not complete. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly code: IpcErrorCode, message?: string) {
    super(message ?? code);
  }
}

/** Typed calls onto the bridge. */
export interface Api {
  call<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<RequestResult<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps the bridge; throws when the page was opened without one (not inside ScareStop). */
export function createApi(bridge: ScareStopBridge | undefined = window.scarestop): Api {
  if (bridge === undefined) throw new Error('window.scarestop is missing: this page only works inside ScareStop');
  return {
    async call(channel, args) {
      const reply = await bridge.invoke(channel, args);
      if (!reply.ok) throw new ApiError(reply.code, reply.message);
      return reply.value;
    },
    on: (channel, listener) => bridge.on(channel, listener),
  };
}
