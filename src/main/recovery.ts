/**
 * Composes the recovery features: the remote-access scan (engine matcher over the platform
 * inventory), the recovery wizard and the incident report.
 */
import type { Clock, IncidentStore, InventorySource } from '../engine/ports.js';
import type { ScanView, WizardView } from '../shared/ipc.js';
import type { RemoteFinding } from '../shared/remote.js';
import type { RecoveryFactory, RecoveryFeatures } from './recovery-features.js';
import { RemoteScan } from './scan-view.js';

/** What the recovery features need from the platform. */
export interface RecoveryDeps {
  readonly inventory: InventorySource;
  readonly clock: Clock;
  readonly dataHome: string;
}

const NO_WIZARD: WizardView = { status: 'none', index: 0, count: 0, step: null };

/** The factory `createServices` calls with the open store. */
export function recoveryFactory(deps: RecoveryDeps): RecoveryFactory {
  return (store) => createRecoveryFeatures(deps, store);
}

function createRecoveryFeatures(deps: RecoveryDeps, _store: IncidentStore): RecoveryFeatures {
  const scanner = new RemoteScan(deps.inventory, deps.clock);
  let last: ScanView | null = null;
  let lastFindings: readonly RemoteFinding[] = [];
  const unavailable = (what: string): Promise<never> => Promise.reject(new Error(`${what} is not available in this build yet`));
  return {
    async scan() {
      const { findings, view } = await scanner.run();
      last = view;
      lastFindings = findings;
      return view;
    },
    lastScan: () => last,
    wizardView: () => (lastFindings.length >= 0 ? NO_WIZARD : NO_WIZARD),
    startWizard: () => unavailable('the recovery wizard'),
    answerWizard: () => unavailable('the recovery wizard'),
    runWizardStep: () => unavailable('the recovery wizard'),
    confirmWizardStep: () => unavailable('the recovery wizard'),
    exportReport: () => unavailable('the report'),
    dispose: () => Promise.resolve(),
  };
}
