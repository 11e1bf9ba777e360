/** Which renderer event an app event becomes (the same mapping in main.ts and the tests). */
import type { EventChannel, EventPayload } from '../shared/ipc.js';
import { assertNever } from '../shared/result.js';
import type { AppEvent } from './app-services.js';

/** A message for the renderer: channel and payload, typed together. */
export type RendererMessage = { [E in EventChannel]: { readonly channel: E; readonly payload: EventPayload<E> } }[EventChannel];

/** The renderer event for an app event, or null when the renderer does not need it. */
export function rendererMessageOf(event: AppEvent): RendererMessage | null {
  switch (event.type) {
    case 'status':
      return { channel: 'scarestop:status-changed', payload: event.status };
    case 'alert':
      return { channel: 'scarestop:alert-changed', payload: event.alert };
    case 'settings':
      return { channel: 'scarestop:settings-changed', payload: event.settings };
    case 'scan':
      return null; // the scan screen gets the result as the reply to its own request
    case 'remote':
      return { channel: 'scarestop:remote-changed', payload: event.remote };
    case 'remote-notice':
      return null; // a desktop notification (main); the record is in History
    default:
      return assertNever(event, 'app event');
  }
}
