/**
 * The engine's wizard view in the UI's terms and language. The words (questions, step titles,
 * actions, advice, help lines, verified statuses) are the engine's own, the same the CLI and
 * the report use.
 */
import {
  actionLabel,
  adminNote,
  adviceLabel,
  choiceLabel,
  openItems,
  questionLabel,
  recordLabel,
  skippedDisconnectWarning,
  stepExplanation,
  stepLabel,
  stillRunningLabel,
  type Lang,
  type WizardState,
  type WizardView as EngineWizardView,
} from '../engine/cleanup/index.js';
import { isManualAction } from '../engine/cleanup/execute.js';
import { toDisplayText } from '../shared/display-text.js';
import type { WizardView } from '../shared/ipc.js';

/** No wizard has been started (or the last one is closed). */
export const NO_WIZARD: WizardView = { status: 'none', number: 0, total: 0, step: null };

/** The open steps and advice in words (finished screen, family message). */
export function openLines(state: WizardState, lang: Lang): string[] {
  return openItems(state)
    .slice(0, 40)
    .map((item) => toDisplayText(item.kind === 'advice' ? adviceLabel(item.id, lang) : `${stepLabel(item.step, lang)}（${recordLabel(state.steps[item.step.id], lang)}）`, 300));
}

/** The warning to show about the last step: what still runs, or the internet left on. */
function lastWarning(state: WizardState, lang: Lang): string | null {
  const steps = state.plan?.steps ?? [];
  const previous = steps[state.stepIndex - 1];
  const current = steps[state.stepIndex];
  const running = current === undefined ? undefined : state.steps[current.id]?.stillRunning;
  if (running !== undefined && running.length > 0) return stillRunningLabel(running, lang);
  if (previous?.kind === 'disconnect' && state.steps[previous.id]?.status === 'skipped') return skippedDisconnectWarning(lang);
  return null;
}

/** Converts one engine view. */
export function wizardView(view: EngineWizardView, lang: Lang, state: WizardState, reportPaths: readonly string[] = []): WizardView {
  switch (view.kind) {
    case 'question':
      return {
        status: 'in-progress',
        number: view.number,
        total: view.total,
        step: {
          id: view.question.id,
          kind: 'question',
          title: questionLabel(view.question.id, lang),
          explanation: null,
          choices: view.question.choices.map((choice) => ({ value: choice, label: choiceLabel(choice, lang) })),
          multi: view.question.type === 'multi',
          textAnswer: view.question.type === 'text',
          items: [],
          automatic: false,
          adminNote: null,
          status: 'pending',
          detail: null,
          warning: lastWarning(state, lang),
          interrupted: false,
        },
      };
    case 'step': {
      const { step, record } = view;
      return {
        status: 'in-progress',
        number: view.number,
        total: view.total,
        step: {
          id: step.id,
          kind: step.kind,
          title: toDisplayText(stepLabel(step, lang), 300),
          explanation: toDisplayText(stepExplanation(step, lang), 600),
          choices: [],
          multi: false,
          items: step.actions.slice(0, 30).map((action) => toDisplayText(actionLabel(action, lang), 300)),
          automatic: step.actions.some((action) => !isManualAction(action)),
          adminNote: adminNote(step, lang) ?? null,
          status: record.status,
          // The system's own words are English: shown only in English.
          detail: record.detail === undefined || lang !== 'en' ? null : toDisplayText(record.detail, 400),
          statusText: record.status === 'pending' ? null : recordLabel(record, lang),
          warning: lastWarning(state, lang),
          interrupted: view.interrupted,
        },
      };
    }
    case 'finished':
      return { status: 'finished', number: 0, total: 0, step: null, open: openLines(view.state, lang), reportPaths: [...reportPaths] };
  }
}
