/** Runs one plan action through the system-actions port and says how it went. */
import type { NetworkJournalStore } from '../ports/network-journal.js';
import type { RestoreResult, SystemActionResult, SystemActions } from '../ports/system-actions.js';
import { disconnectWithJournal, reconnectFromJournal } from './network-journal.js';
import type { Evidence, RemoteFinding } from '../../shared/remote.js';
import { assertNever } from '../../shared/result.js';
import type { ActionRecord, PlanAction, WizardState } from './types.js';

/** What an action needs besides the port. */
export interface ExecuteContext {
  readonly actions: SystemActions;
  readonly elevate: boolean;
  readonly rescan: () => Promise<readonly RemoteFinding[]>;
  readonly network?: WizardState['network'];
  /** The network journal; when given, disconnect saves to it first and reconnect restores from it. */
  readonly journal?: NetworkJournalStore;
  readonly now?: () => number;
}

/** An action result plus what disconnect turned off (kept for reconnect). */
export interface Executed {
  readonly record: ActionRecord;
  readonly network?: { readonly disabled: readonly string[]; readonly routes: readonly string[] };
}

// Evidence that means the tool is still usable; incoming-session logs are history, not presence.
const PRESENT = new Set(['running', 'connected', 'service', 'portable', 'installed', 'unattended', 'autostart']);
const LIVE = new Set(['running', 'connected']);

function toRecord(result: SystemActionResult): ActionRecord {
  return result.detail === undefined ? { status: result.status } : { status: result.status, detail: result.detail };
}

const fileName = (path: string): string => path.split(/[\\/]/u).pop() ?? path;

/** A running process in plain terms: its file name and process number. */
function processName(item: Evidence, toolName: string): string {
  return `${item.path === undefined ? toolName : fileName(item.path)}${item.pid === undefined ? '' : ` (${item.pid})`}`;
}

/** Live evidence of one tool in a fresh scan (processes matched by name, original name and command line). */
export async function liveProcesses(toolId: string, rescan: () => Promise<readonly RemoteFinding[]>): Promise<{ readonly finding?: RemoteFinding; readonly live: readonly Evidence[] }> {
  const finding = (await rescan()).find((candidate) => candidate.toolId === toolId);
  return { ...(finding === undefined ? {} : { finding }), live: finding?.evidence.filter((item) => LIVE.has(item.kind)) ?? [] };
}

/** Checks that no process of the tool runs; names what still does. */
async function checkStopped(toolId: string, rescan: ExecuteContext['rescan']): Promise<ActionRecord> {
  const { finding, live } = await liveProcesses(toolId, rescan);
  if (live.length === 0) return { status: 'done', detail: 'Checked: no process of it runs.' };
  const names = [...new Set(live.map((item) => processName(item, finding?.name ?? toolId)))];
  return { status: 'failed', detail: `Still running: ${names.join(', ')}`, stillRunning: names };
}

/**
 * Quarantine never moves a file that is in use: every process of the tool seen now is stopped
 * first (re-identified by the adapter), and nothing moves unless they all ended.
 */
async function quarantineStopped(action: Extract<PlanAction, { kind: 'quarantine' }>, context: ExecuteContext): Promise<ActionRecord> {
  const stoppedFirst: string[] = [];
  if (action.toolId !== undefined) {
    let live: readonly Evidence[];
    try {
      live = (await liveProcesses(action.toolId, context.rescan)).live;
    } catch (error) {
      return { status: 'failed', detail: `Could not check whether it still runs (${String(error)}); the file was left in place.` };
    }
    for (const item of live) {
      if (item.pid === undefined) continue;
      const stopped = await context.actions.stopProcess({ pid: item.pid, ...(item.path === undefined ? {} : { path: item.path, name: fileName(item.path) }) });
      if (stopped.status === 'failed' || stopped.status === 'needs-admin') {
        return { status: stopped.status, detail: `${stopped.detail} The file was left in place.`, stillRunning: [processName(item, action.toolId)] };
      }
      stoppedFirst.push(processName(item, action.toolId));
    }
  }
  const { result, entry } = await context.actions.quarantine(action.path, action.why);
  const first = stoppedFirst.length === 0 ? '' : `Stopped first: ${stoppedFirst.join(', ')}. `;
  if (entry === undefined) return { status: result.status, detail: `${first}${result.detail ?? ''}`.trim() };
  return { status: result.status, detail: `${first}${result.detail ?? ''} [quarantine id ${entry.id}]`.trim() };
}

/** Each journal item that did not come back is named in the record's detail. */
function restoreRecord(result: RestoreResult): ActionRecord {
  const missing = result.items.filter((item) => !item.back).map((item) => `${item.kind} ${item.name}`);
  if (result.status === 'done' && missing.length === 0) return { status: 'done', detail: `Back online: ${result.items.length} items restored and checked.` };
  const status = result.status === 'needs-admin' ? 'needs-admin' : 'failed';
  return { status, detail: `${result.detail ?? ''}${missing.length > 0 ? ` Not back: ${missing.join(', ')}.` : ''}`.trim() };
}

/** Executes one action. Informational actions (advice, contacts, manual, questions) are not run here. */
export async function executeAction(action: PlanAction, context: ExecuteContext): Promise<Executed> {
  const { actions, elevate } = context;
  switch (action.kind) {
    case 'network-off': {
      const result = context.journal === undefined ? await actions.disconnectNetwork({ elevate }) : await disconnectWithJournal({ actions, journal: context.journal, now: context.now ?? Date.now }, elevate);
      return { record: toRecord(result), ...(result.status === 'done' ? { network: { disabled: result.disabled ?? [], routes: result.routes ?? [] } } : {}) };
    }
    case 'network-on': {
      if (context.journal !== undefined) {
        const restored = await reconnectFromJournal({ actions, journal: context.journal, now: context.now ?? Date.now }, elevate);
        if (restored.kind === 'restored') return { record: restoreRecord(restored.result) };
      }
      const known = context.network;
      const status = await actions.networkStatus();
      if (status.online) return { record: { status: 'not-needed', detail: 'Already online.' } };
      const result = await actions.reconnectNetwork({ elevate, ...(known === undefined ? {} : { interfaces: known.disabled, routes: known.routes }) });
      return { record: toRecord(result) };
    }
    case 'stop-process':
      return { record: toRecord(await actions.stopProcess({ pid: action.pid, name: action.name, ...(action.path === undefined ? {} : { path: action.path }) })) };
    case 'stop-service':
      return { record: toRecord(await actions.stopService(action.name, { elevate })) };
    case 'uninstall':
      return {
        record: toRecord(
          await actions.runUninstaller({ toolName: action.toolName, command: action.command, ...(action.quietCommand === undefined ? {} : { quietCommand: action.quietCommand }) }, { elevate }),
        ),
      };
    case 'quarantine':
      return { record: await quarantineStopped(action, context) };
    case 'remove-autostart':
      return { record: toRecord(await actions.removeAutostart({ name: action.name, source: action.source }, { elevate })) };
    case 'check-stopped':
      return { record: await checkStopped(action.toolId, context.rescan) };
    case 'rescan': {
      const findings = await context.rescan();
      const finding = findings.find((candidate) => candidate.toolId === action.toolId);
      const left = finding?.evidence.filter((item) => PRESENT.has(item.kind)) ?? [];
      if (left.length === 0) return { record: { status: 'done', detail: 'Scan again: nothing left.' } };
      const running = left.filter((item) => LIVE.has(item.kind)).map((item) => processName(item, finding?.name ?? action.toolId));
      return {
        record: {
          status: 'failed',
          detail: `Still found: ${left.map((item) => `${item.kind}${item.path === undefined ? '' : ` ${item.path}`}`).join('; ')}`,
          ...(running.length === 0 ? {} : { stillRunning: [...new Set(running)] }),
        },
      };
    }
    case 'manual-uninstall':
    case 'advice':
    case 'contact':
    case 'official':
    case 'manual':
    case 'question':
      return { record: { status: 'skipped', detail: 'Done by the user.' } };
    default:
      return assertNever(action, 'plan action');
  }
}

/** Actions the user does (or reads) rather than the app. */
export function isManualAction(action: PlanAction): boolean {
  return ['manual-uninstall', 'advice', 'contact', 'official', 'manual', 'question'].includes(action.kind);
}
