/**
 * The remote-access window's records, driven by the live remote watch's events: a tool paused
 * opens one; "End it", "This is someone I know", the tool closing by itself and "put away" move
 * it on. The decisions are the engine's (remote plugin); this only keeps what the window shows.
 * Electron-free.
 */
import type { RemoteLiveEvent } from '../shared/remote-live.js';
import type { RemotePauseView, RemoteState } from '../shared/ipc.js';

/** Tool names for the window (the catalog's, in both languages). */
export type ToolNames = (toolId: string) => { readonly en: string; readonly ja: string } | undefined;

const KEEP = 20;

/** Holds the recent pauses for the window. */
export class RemoteDesk {
  private readonly records: RemotePauseView[] = [];

  constructor(
    private readonly names: ToolNames,
    private readonly onChange: (view: RemotePauseView) => void,
  ) {}

  /** Feed every live remote event here. */
  handle(event: RemoteLiveEvent): void {
    switch (event.type) {
      case 'remote-paused': {
        const known = this.find(event.pauseId);
        if (known !== undefined) {
          this.update(event.pauseId, { state: 'paused', processCount: event.pids.length, failedCount: known.failedCount + event.failed.length });
          return;
        }
        const names = this.names(event.toolId) ?? { en: event.tool, ja: event.tool };
        const view: RemotePauseView = {
          id: event.pauseId,
          toolId: event.toolId,
          tool: names.en.slice(0, 120),
          toolJa: names.ja.slice(0, 120),
          builtIn: event.builtIn,
          reason: event.reason,
          at: event.at,
          state: 'paused',
          processCount: event.pids.length,
          failedCount: event.failed.length,
          removalReady: false,
        };
        this.records.push(view);
        if (this.records.length > KEEP) this.records.shift();
        this.onChange(view);
        return;
      }
      case 'remote-resumed':
        this.update(event.pauseId, { state: 'resumed' });
        return;
      case 'remote-ended': {
        if (event.pauseId === undefined || this.find(event.pauseId) === undefined) return;
        // "End it" from the window stays "ending" until its removal step is ready (remote-services.ts).
        if (this.find(event.pauseId)?.state === 'ending') this.update(event.pauseId, { failedCount: event.failed.length });
        else this.update(event.pauseId, event.how === 'ended-by-person' ? { state: event.failed.length > 0 ? 'failed' : 'ended', failedCount: event.failed.length } : { state: 'gone' });
        return;
      }
      case 'remote-started':
      case 'remote-connected':
      case 'remote-error':
        return;
    }
  }

  /** The newest pause not yet put away. */
  current(): RemotePauseView | null {
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      const record = this.records[i];
      if (record !== undefined && record.state !== 'dismissed') return record;
    }
    return null;
  }

  /** True while a paused tool waits for the person's answer. */
  waiting(): boolean {
    return this.records.some((record) => record.state === 'paused');
  }

  /** The record of `pauseId`; throws for an unknown id (a stale window). */
  get(pauseId: string): RemotePauseView {
    const record = this.find(pauseId);
    if (record === undefined) throw new Error(`unknown pause ${pauseId}`);
    return record;
  }

  /** Changes a record and tells the window. */
  update(pauseId: string, patch: Partial<Pick<RemotePauseView, 'state' | 'processCount' | 'failedCount' | 'removalReady'>>): RemotePauseView {
    const index = this.records.findIndex((record) => record.id === pauseId);
    const record = this.records[index];
    if (record === undefined) throw new Error(`unknown pause ${pauseId}`);
    const next = { ...record, ...patch };
    this.records[index] = next;
    this.onChange(next);
    return next;
  }

  /** Marks `pauseId` with `state` unless it already moved on. */
  settle(pauseId: string, state: RemoteState): RemotePauseView {
    const record = this.get(pauseId);
    return record.state === 'paused' || record.state === 'ending' ? this.update(pauseId, { state }) : record;
  }

  private find(pauseId: string): RemotePauseView | undefined {
    return this.records.find((record) => record.id === pauseId);
  }
}
