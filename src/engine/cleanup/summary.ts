/** What is still open after (or during) the wizard: for the report, History and the family. */
import type { AdviceId, PlanStep, WizardState } from './types.js';

/** One open next step. */
export type OpenItem =
  | { readonly kind: 'step'; readonly step: PlanStep; readonly status: 'pending' | 'running' | 'failed' | 'needs-admin' | 'skipped' }
  | { readonly kind: 'advice'; readonly id: AdviceId };

/** Steps not done, and advice not ticked off, in plan order. */
export function openItems(state: WizardState): OpenItem[] {
  const items: OpenItem[] = [];
  for (const step of state.plan?.steps ?? []) {
    const record = state.steps[step.id];
    const status = record?.status ?? 'pending';
    if (step.kind === 'accounts') {
      const checked = new Set(record?.checked ?? []);
      for (const action of step.actions) if (action.kind === 'advice' && !checked.has(action.id)) items.push({ kind: 'advice', id: action.id });
      continue;
    }
    if (step.kind === 'help') continue; // reading the list is enough
    if (step.kind === 'questions') continue;
    if (status !== 'done' && status !== 'not-needed') items.push({ kind: 'step', step, status });
  }
  return items;
}
