/**
 * Builds `window.scarestop` from a transport (Electron's ipcRenderer in the preload, a
 * Playwright binding in the renderer tests). Electron-free so both use the same code: only
 * channels in the contract get through, and every subscription returns its unsubscribe.
 */
import { isEventChannel, isRequestChannel } from '../shared/ipc-names.js';
import type {
  EventChannel,
  EventPayload,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResult,
  ScareStopBridge,
} from '../shared/ipc.js';

/** What the bridge needs from the process boundary. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown): Promise<unknown>;
  /** Registers a raw listener for one channel and returns its removal. */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** The narrow, frozen object exposed to the page. */
export function createBridge(transport: BridgeTransport): ScareStopBridge {
  const bridge: ScareStopBridge = {
    async invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<IpcResult<RequestResult<C>>> {
      if (!isRequestChannel(channel)) return { ok: false, code: 'unknown-channel' };
      try {
        const reply = await transport.invoke(channel, args);
        // Main validated the value against the contract before sending it.
        if (isIpcResult(reply)) return reply as IpcResult<RequestResult<C>>;
        return { ok: false, code: 'invalid-result' };
      } catch (error) {
        return { ok: false, code: 'failed', message: error instanceof Error ? error.message.slice(0, 200) : 'request failed' };
      }
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventChannel(channel)) throw new Error(`not a ScareStop event: ${String(channel)}`);
      return transport.listen(channel, (payload) => listener(payload as EventPayload<E>));
    },
  };
  return Object.freeze(bridge);
}
