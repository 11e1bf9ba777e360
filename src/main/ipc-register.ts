/**
 * The one way main answers the renderer. Every request goes through `dispatchRequest`: sender
 * check (our own page, main frame), argument validation, the handler, result validation; the
 * answer is always an `IpcResult` — nothing is thrown across the boundary. Events are validated
 * before they are sent. Only Electron *types* are imported: this module runs in tests.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { eventChannels, isRequestChannel, requestChannels, type EventChannel, type EventPayload, type IpcResult } from '../shared/ipc.js';
import type { RendererMessage } from './app-events.js';
import type { HandlerTable } from './ipc-handlers.js';
import type { SenderFrame, TrustPolicy } from './trust.js';

/** Where refusals and handler failures are reported (never the payload: it may hold page text). */
export type IpcLog = (message: string, data: Record<string, unknown>) => void;

/** Validates and runs one request. */
export async function dispatchRequest(table: HandlerTable, trust: TrustPolicy, frame: SenderFrame | null, channel: string, args: unknown, log: IpcLog = () => undefined): Promise<IpcResult<unknown>> {
  if (!trust.isTrustedSender(frame)) {
    log('ipc: untrusted sender refused', { channel, url: frame?.url.slice(0, 200) ?? null });
    return { ok: false, code: 'untrusted-sender' };
  }
  if (!isRequestChannel(channel)) return { ok: false, code: 'unknown-channel' };
  const contract = requestChannels[channel];
  const parsed = contract.args.safeParse(args ?? {});
  if (!parsed.success) {
    log('ipc: invalid arguments', { channel, issues: parsed.error.issues.length });
    return { ok: false, code: 'invalid-arguments' };
  }
  let value: unknown;
  try {
    const handler = table[channel] as (input: unknown) => unknown;
    value = await handler(parsed.data);
  } catch (error) {
    log('ipc: handler failed', { channel, error: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    return { ok: false, code: 'failed' };
  }
  const checked = contract.result.safeParse(value);
  if (!checked.success) {
    log('ipc: handler returned an invalid result', { channel, issue: checked.error.issues[0]?.path.join('.') ?? '' });
    return { ok: false, code: 'invalid-result' };
  }
  return { ok: true, value: checked.data };
}

/** The sender frame of an Electron invoke event (null when it is gone). */
export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Registers every request channel on `ipcMain`; returns the function that removes them. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, table: HandlerTable, trust: TrustPolicy, log?: IpcLog): () => void {
  const channels = Object.keys(requestChannels);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown) => dispatchRequest(table, trust, senderFrameOf(event), channel, args, log));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Sends one event to a window after checking the payload against the contract. */
export function sendEvent<E extends EventChannel>(contents: Pick<WebContents, 'send' | 'isDestroyed'>, channel: E, payload: EventPayload<E>): boolean {
  if (contents.isDestroyed()) return false;
  const checked = eventChannels[channel].safeParse(payload);
  if (!checked.success) return false;
  contents.send(channel, checked.data);
  return true;
}

/** Sends an app event's renderer message (see app-events.ts), validated like `sendEvent`. */
export function sendRendererMessage(contents: Pick<WebContents, 'send' | 'isDestroyed'>, message: RendererMessage): boolean {
  if (contents.isDestroyed()) return false;
  const checked = eventChannels[message.channel].safeParse(message.payload);
  if (!checked.success) return false;
  contents.send(message.channel, checked.data);
  return true;
}
