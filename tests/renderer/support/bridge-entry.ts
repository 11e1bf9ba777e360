/**
 * Runs in the page before the renderer (Playwright init script, bundled by the harness): builds
 * `window.scarestop` with the SAME createBridge the preload uses, over a Playwright binding to
 * the real services in the test process instead of ipcRenderer.
 */
import { createBridge } from '../../../src/preload/bridge.js';

type Listener = (payload: unknown) => void;

interface HarnessWindow {
  __scarestopInvoke(channel: string, args: unknown): Promise<unknown>;
  __scarestopDeliver?: (channel: string, payload: unknown) => void;
}

const harness = window as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

const bridge = createBridge({
  invoke: (channel, args) => harness.__scarestopInvoke(channel, args),
  listen(channel, listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'scarestop', { value: bridge, writable: false, configurable: false, enumerable: true });
harness.__scarestopDeliver = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
