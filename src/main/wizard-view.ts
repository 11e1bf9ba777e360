/**
 * The engine's wizard view in the UI's terms and language. The words (questions, step titles,
 * actions, advice, help lines) are the engine's own, the same the CLI and the report use.
 */
import { actionLabel, adminNote, choiceLabel, questionLabel, stepExplanation, stepLabel, type Lang, type WizardView as EngineWizardView } from '../engine/cleanup/index.js';
import { isManualAction } from '../engine/cleanup/execute.js';
import { toDisplayText } from '../shared/display-text.js';
import type { WizardView } from '../shared/ipc.js';

/** No wizard has been started (or the last one is closed). */
export const NO_WIZARD: WizardView = { status: 'none', number: 0, total: 0, step: null };

/** Converts one engine view. */
export function wizardView(view: EngineWizardView, lang: Lang): WizardView {
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
          items: [],
          automatic: false,
          adminNote: null,
          status: 'pending',
          detail: null,
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
          detail: record.detail === undefined ? null : toDisplayText(record.detail, 400),
          interrupted: view.interrupted,
        },
      };
    }
    case 'finished':
      return { status: 'finished', number: 0, total: 0, step: null };
  }
}
