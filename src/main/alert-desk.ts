/**
 * The alerts the person sees, driven by the watcher's events. In `ask` mode the watcher asks
 * (`confirm`) and waits; the alert's "Close" answers yes and the escalation runs in the
 * watcher. In `auto` mode the alert only reports what was done; in `never` mode "Close" runs
 * the same escalation for that one window. Electron-free.
 */
import type { Clock } from '../engine/ports.js';
import type { WindowInfo } from '../engine/ports.js';
import type { CloseReport } from '../engine/watch/index.js';
import { toDisplayText } from '../shared/display-text.js';
import type { AlertView, CloseMode, CloseResult } from '../shared/ipc.js';
import type { Verdict } from '../shared/verdict.js';
import type { WatchEvent } from '../shared/watch-events.js';
import { alertPhones, browserDisplayName, viewSteps, windowInfoOf } from './alert-view.js';

/** What the desk needs. */
export interface AlertDeskDeps {
  readonly clock: Clock;
  /** Targeted close of one window (the watcher's escalation), for alerts nobody waits on. */
  readonly closeWindow: (window: WindowInfo) => Promise<CloseReport>;
  /** "This page is fine": remember it (watcher + settings). */
  readonly allowTitle: (title: string) => void;
  readonly onChange: (alert: AlertView) => void;
}

interface AlertRecord {
  view: AlertView;
  readonly window: WindowInfo;
  answer?: (close: boolean) => void;
  readonly waiters: ((result: CloseResult) => void)[];
}

const KEEP = 20;

/** Holds the recent alerts and turns button presses into watcher decisions. */
export class AlertDesk {
  private readonly records: AlertRecord[] = [];
  private counter = 0;

  constructor(private readonly deps: AlertDeskDeps) {}

  /** Feed every watcher event here. */
  handle(event: WatchEvent): void {
    switch (event.type) {
      case 'detected': {
        if (event.next === 'allow-listed') return;
        const mode: CloseMode = event.next === 'close' ? 'auto' : event.next === 'ask' ? 'ask' : 'never';
        this.open(windowInfoOf(event.window), event.verdict, mode, event.at);
        return;
      }
      case 'action-taken':
      case 'action-failed': {
        const record = this.forWindow(event.window.windowId);
        if (record === undefined) return;
        const result: CloseResult =
          event.type === 'action-taken'
            ? { outcome: 'closed', browserClosed: event.closedAllBrowserWindows, steps: viewSteps(event.steps) }
            : { outcome: 'failed', browserClosed: false, steps: viewSteps(event.steps) };
        this.finish(record, result);
        return;
      }
      case 'suspicious':
      case 'content-checked':
      case 'error':
      case 'status':
        return;
    }
  }

  /** The watcher's `confirmClose`: resolves when the person presses Close (true) or not (false). */
  confirm(request: { readonly window: WindowInfo; readonly verdict: Verdict }): Promise<boolean> {
    const record = this.forWindow(request.window.id) ?? this.open(request.window, request.verdict, 'ask', this.deps.clock.now());
    return new Promise((resolve) => {
      record.answer = resolve;
    });
  }

  /** The newest alert not yet put away. */
  current(): AlertView | null {
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      const record = this.records[i];
      if (record !== undefined && record.view.state !== 'dismissed') return record.view;
    }
    return null;
  }

  /** True when an alert still waits for the person. */
  hasOpenAlert(): boolean {
    return this.openAlertId() !== null;
  }

  /** The newest alert still waiting for the person, if any. */
  openAlertId(): string | null {
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      const record = this.records[i];
      if (record !== undefined && record.view.state === 'open') return record.view.id;
    }
    return null;
  }

  /** "Close the scary screen". */
  async close(alertId: string): Promise<CloseResult> {
    const record = this.byId(alertId);
    if (record.view.state === 'closed' && record.view.result !== null) return record.view.result;
    const done = new Promise<CloseResult>((resolve) => record.waiters.push(resolve));
    this.update(record, { state: 'closing' });
    const answer = record.answer;
    if (answer !== undefined) {
      record.answer = undefined;
      answer(true); // the watcher escalates and reports through handle()
    } else {
      this.deps.closeWindow(record.window).then(
        (report) => this.finish(record, report.ok ? { outcome: 'closed', browserClosed: report.outcome === 'terminated', steps: viewSteps(report.steps) } : { outcome: 'failed', browserClosed: false, steps: viewSteps(report.steps) }),
        () => this.finish(record, { outcome: 'failed', browserClosed: false, steps: [] }),
      );
    }
    return done;
  }

  /** "This page is fine". */
  allow(alertId: string): AlertView {
    const record = this.byId(alertId);
    this.deps.allowTitle(record.window.title);
    this.release(record);
    return this.update(record, { state: 'allowed' });
  }

  /** "OK": put the alert away. */
  dismiss(alertId: string): AlertView {
    const record = this.byId(alertId);
    this.release(record);
    return this.update(record, { state: 'dismissed' });
  }

  private open(window: WindowInfo, verdict: Verdict, mode: CloseMode, at: number): AlertRecord {
    this.counter += 1;
    const view: AlertView = {
      id: `alert-${at}-${this.counter}`,
      at,
      verdict: verdict.verdict === 'scam' ? 'scam' : 'suspicious',
      title: toDisplayText(window.title),
      brand: verdict.brand === undefined ? null : toDisplayText(verdict.brand, 80),
      phones: alertPhones(verdict),
      browserName: browserDisplayName(window.processPath ?? window.processName),
      closeEffect: 'window',
      mode,
      state: mode === 'auto' ? 'closing' : 'open',
      result: null,
    };
    const record: AlertRecord = { view, window, waiters: [] };
    this.records.push(record);
    if (this.records.length > KEEP) this.records.shift();
    this.deps.onChange(view);
    return record;
  }

  private finish(record: AlertRecord, result: CloseResult): void {
    this.update(record, { state: result.outcome === 'closed' ? 'closed' : 'failed', result });
    for (const waiter of record.waiters.splice(0)) waiter(result);
  }

  private release(record: AlertRecord): void {
    const answer = record.answer;
    record.answer = undefined;
    answer?.(false);
  }

  private update(record: AlertRecord, patch: Partial<AlertView>): AlertView {
    record.view = { ...record.view, ...patch };
    this.deps.onChange(record.view);
    return record.view;
  }

  private forWindow(windowId: string): AlertRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      const record = this.records[i];
      if (record !== undefined && record.window.id === windowId && (record.view.state === 'open' || record.view.state === 'closing')) return record;
    }
    return undefined;
  }

  private byId(alertId: string): AlertRecord {
    const record = this.records.find((candidate) => candidate.view.id === alertId);
    if (record === undefined) throw new Error(`unknown alert ${alertId}`);
    return record;
  }
}
