/** Runs one plan action through the system-actions port and says how it went. */
import type { NetworkJournalStore } from '../ports/network-journal.js';
import type { RestoreResult, SystemActionResult, SystemActions } from '../ports/system-actions.js';
import { disconnectWithJournal, reconnectFromJournal } from './network-journal.js';
import type { RemoteFinding } from '../../shared/remote.js';
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

function toRecord(result: SystemActionResult): ActionRecord {
  return result.detail === undefined ? { status: result.status } : { status: result.status, detail: result.detail };
}

/** Each journal item that did not come back is named in the record's detail. */
function restoreRecord(result: RestoreResult): ActionRecord {
  const missing = result.items.filter((item) => !item.back).map((item) => `${item.kind} ${item.name}`);
  if (result.status === 'done' && missing.length === 0) return { status: 'done', detail: `Back online: ${result.items.length} items restored and checked.` };
  const status = result.status === 'needs-admin' ? 'needs-admin' : 'failed';
  return { status, detail: `${result.detail ?? ''}${missing.length > 0 ? ` Not back: ${missing.join(', ')}.` : ''}`.trim() };
}

/** Executes one action. Informational actions (advice, contacts, manual) are not run here. */
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
    case 'quarantine': {
      const { result, entry } = await actions.quarantine(action.path, action.why);
      return { record: entry === undefined ? toRecord(result) : { status: result.status, detail: `${result.detail ?? ''} [quarantine id ${entry.id}]`.trim() } };
    }
    case 'remove-autostart':
      return { record: toRecord(await actions.removeAutostart({ name: action.name, source: action.source }, { elevate })) };
    case 'rescan': {
      const findings = await context.rescan();
      const left = findings.find((finding) => finding.toolId === action.toolId)?.evidence.filter((item) => PRESENT.has(item.kind)) ?? [];
      if (left.length === 0) return { record: { status: 'done', detail: 'Scan again: nothing left.' } };
      return { record: { status: 'failed', detail: `Still found: ${left.map((item) => `${item.kind}${item.path === undefined ? '' : ` ${item.path}`}`).join('; ')}` } };
    }
    case 'manual-uninstall':
    case 'advice':
    case 'contact':
      return { record: { status: 'skipped', detail: 'Done by the user.' } };
    default:
      return assertNever(action, 'plan action');
  }
}

/** Actions the user does (or reads) rather than the app. */
export function isManualAction(action: PlanAction): boolean {
  return action.kind === 'manual-uninstall' || action.kind === 'advice' || action.kind === 'contact';
}
