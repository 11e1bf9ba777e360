/**
 * The recovery wizard, one screen at a time: progress, the question or step in large type and
 * large buttons. Its state lives in main (the incident store), so closing the window, reloading
 * the page or restarting the PC brings the person back to the same screen.
 */
import type { WizardStepView, WizardView } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { errorText, screenHeading, screenSection, statusLine } from './common.js';

type Act = (request: Promise<WizardView>) => void;

function question(step: WizardStepView, act: Act, ctx: ScreenContext): (Node | null)[] {
  const answer = (value: string | string[]): void => act(ctx.api.call('scarestop:wizard-answer', { stepId: step.id, answer: value }));
  if (step.textAnswer === true) {
    const input = h('input', { id: 'wizard-text', attrs: { type: 'text', maxlength: '400', 'aria-describedby': 'wizard-text-hint' } });
    return [
      h('label', { id: 'wizard-step-title', class: 'question', attrs: { for: 'wizard-text' } }, toDisplayText(step.title)),
      input,
      h('p', { class: 'note', id: 'wizard-text-hint' }, t('wizard.textHint')),
      h('div', { class: 'big-buttons' }, button(t('wizard.next'), () => answer(input.value), { kind: 'primary', id: 'wizard-answer-next' })),
    ];
  }
  if (!step.multi) {
    return [
      h('h2', { id: 'wizard-step-title' }, toDisplayText(step.title)),
      h('div', { class: 'big-buttons' }, ...step.choices.map((choice, i) => button(toDisplayText(choice.label, 120), () => answer(choice.value), { kind: i < 2 ? 'primary' : 'secondary', id: `answer-${choice.value}` }))),
    ];
  }
  const boxes = step.choices.map((choice) => h('input', { id: `choice-${choice.value}`, attrs: { type: 'checkbox', value: choice.value } }));
  return [
    h(
      'fieldset',
      { id: 'wizard-choices' },
      h('legend', { id: 'wizard-step-title' }, toDisplayText(step.title)),
      ...step.choices.map((choice, i) => h('label', { class: 'choice' }, boxes[i] ?? null, ' ', toDisplayText(choice.label, 120))),
    ),
    h('div', { class: 'big-buttons' }, button(t('wizard.next'), () => answer(boxes.filter((box) => box.checked).map((box) => box.value)), { kind: 'primary', id: 'wizard-answer-next' })),
  ];
}

function step(view: WizardStepView, act: Act, ctx: ScreenContext): (Node | null)[] {
  const confirm = (outcome: 'done' | 'skipped') => (): void => act(ctx.api.call('scarestop:wizard-confirm', { stepId: view.id, outcome }));
  const failed = view.status === 'failed' || view.status === 'needs-admin';
  return [
    h('h2', { id: 'wizard-step-title' }, toDisplayText(view.title)),
    view.explanation !== null ? h('p', { class: 'big' }, toDisplayText(view.explanation, 600)) : null,
    view.items.length > 0 ? h('ul', { class: 'items', id: 'wizard-items' }, ...view.items.map((item) => h('li', {}, toDisplayText(item, 300)))) : null,
    view.adminNote !== null ? h('p', { class: 'note' }, toDisplayText(view.adminNote, 300)) : null,
    view.interrupted ? h('p', { class: 'note' }, t('wizard.interrupted')) : null,
    view.warning !== undefined && view.warning !== null ? h('p', { class: 'problem', id: 'wizard-warning', attrs: { role: 'alert' } }, toDisplayText(view.warning, 400)) : null,
    failed ? h('p', { class: 'problem', id: 'wizard-result' }, view.status === 'needs-admin' ? t('wizard.needsAdmin') : t('wizard.result.failed'), view.detail !== null ? ` (${toDisplayText(view.detail, 400)})` : '') : null,
    h(
      'div',
      { class: 'big-buttons' },
      view.automatic ? button(t('wizard.run'), () => act(ctx.api.call('scarestop:wizard-run', { stepId: view.id })), { kind: 'primary', id: 'wizard-run' }) : null,
      button(view.automatic ? t('wizard.done') : t('wizard.stepDone'), view.automatic ? confirm('done') : () => act(ctx.api.call('scarestop:wizard-run', { stepId: view.id })), { kind: view.automatic ? 'secondary' : 'primary', id: 'wizard-done' }),
      button(t('wizard.skip'), confirm('skipped'), { kind: 'plain', id: 'wizard-skip' }),
    ),
  ];
}

/** Renders the wizard screen for the current saved state. */
export async function renderWizard(ctx: ScreenContext): Promise<HTMLElement> {
  const view = await ctx.api.call('scarestop:wizard-get', {});
  const line = statusLine('wizard-status');
  const act: Act = (request) => {
    line.textContent = t('wizard.working');
    request.then(() => ctx.rerender(), () => {
      line.textContent = errorText();
    });
  };
  if (view.status === 'none') {
    return screenSection(
      'wizard',
      screenHeading(t('wizard.heading')),
      h('p', { class: 'big' }, t('wizard.intro')),
      button(t('wizard.start'), () => act(ctx.api.call('scarestop:wizard-start', {})), { kind: 'primary', id: 'wizard-start' }),
      line,
    );
  }
  if (view.status === 'finished' || view.step === null) {
    const open = view.open ?? [];
    const paths = view.reportPaths ?? [];
    return screenSection(
      'wizard',
      screenHeading(t('wizard.heading')),
      h('p', { class: 'big done', id: 'wizard-finished' }, open.length === 0 ? t('wizard.finished') : t('wizard.finishedOpen')),
      open.length === 0 ? null : h('ul', { class: 'open', id: 'wizard-open' }, ...open.map((item) => h('li', {}, `☐ ${toDisplayText(item, 300)}`))),
      paths.length === 0 ? null : h('p', { id: 'wizard-report' }, t('wizard.reportSaved'), ...paths.map((path) => h('span', { class: 'path' }, ' ', h('bdi', {}, toDisplayText(path, 1000))))),
      button(t('common.home'), () => ctx.navigate('home'), { kind: 'primary', id: 'wizard-home' }),
    );
  }
  const current = view.step;
  const progressText = t(current.kind === 'question' ? 'wizard.questionProgress' : 'wizard.progress', { n: view.number, count: view.total });
  return screenSection(
    'wizard',
    screenHeading(t('wizard.heading')),
    h('p', { class: 'progress-text', id: 'wizard-progress' }, progressText),
    h('progress', { attrs: { max: String(Math.max(1, view.total)), value: String(view.number), 'aria-label': `${t('wizard.progressLabel')}: ${progressText}` } }),
    h('div', { class: 'wizard-step', attrs: { 'data-step': current.id, 'data-kind': current.kind } }, ...(current.kind === 'question' ? question(current, act, ctx) : step(current, act, ctx))),
    line,
  );
}
