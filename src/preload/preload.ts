/**
 * The preload of every ScareStop window (sandboxed: bundled into one CommonJS file, only
 * `electron` may be required). Exposes exactly one object, `window.scarestop`; the raw
 * ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge.js';

const bridge = createBridge({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  listen(channel, listener) {
    // Drop the event object: it carries the sender and must not reach the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('scarestop', bridge);
