/**
 * The recovery wizard, one step per screen: progress, a title, plain instructions and large
 * buttons. Its state lives in main (the incident store), so closing the window or reloading
 * the page brings the person back to the same step.
 */
import type { WizardStepView, WizardView } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { dynamicKey, errorText, screenHeading, screenSection, statusLine } from './common.js';

type Act = (request: Promise<WizardView>) => void;

function questionButtons(step: WizardStepView, act: Act, ctx: ScreenContext): HTMLElement {
  const answer = (value: 'yes' | 'no' | 'unsure') => (): void => act(ctx.api.call('scarestop:wizard-answer', { stepId: step.id, answer: value }));
  return h(
    'div',
    { class: 'big-buttons' },
    button(t('answer.yes'), answer('yes'), { kind: 'primary', id: 'answer-yes' }),
    button(t('answer.no'), answer('no'), { kind: 'primary', id: 'answer-no' }),
    button(t('answer.unsure'), answer('unsure'), { id: 'answer-unsure' }),
  );
}

function stepButtons(step: WizardStepView, act: Act, ctx: ScreenContext): HTMLElement {
  const confirm = (outcome: 'done' | 'skipped') => (): void => act(ctx.api.call('scarestop:wizard-confirm', { stepId: step.id, outcome }));
  if (step.status === 'done') return h('div', { class: 'big-buttons' }, button(t('wizard.next'), confirm('done'), { kind: 'primary', id: 'wizard-next' }));
  return h(
    'div',
    { class: 'big-buttons' },
    step.automatic ? button(t('wizard.run'), () => act(ctx.api.call('scarestop:wizard-run', { stepId: step.id })), { kind: 'primary', id: 'wizard-run' }) : null,
    button(t('wizard.done'), confirm('done'), { kind: step.automatic ? 'secondary' : 'primary', id: 'wizard-done' }),
    button(t('wizard.skip'), confirm('skipped'), { kind: 'plain', id: 'wizard-skip' }),
  );
}

function stepBody(step: WizardStepView): (Node | null)[] {
  if (step.kind === 'question') {
    const key = dynamicKey('question', step.questionId ?? '', 'question.other');
    return [h('h2', { id: 'wizard-step-title' }, t(key))];
  }
  return [
    h('h2', { id: 'wizard-step-title' }, t(dynamicKey('wstep', `${step.kind}.title`, 'wizard.heading'))),
    h('p', { class: 'big' }, t(dynamicKey('wstep', `${step.kind}.body`, 'wizard.intro'))),
    step.tools.length > 0 ? h('p', { id: 'wizard-tools' }, t('wizard.tools', { tools: step.tools.map((tool) => toDisplayText(tool, 120)).join(', ') })) : null,
    step.items.length > 0 ? h('ul', { class: 'items' }, ...step.items.map((item) => h('li', {}, toDisplayText(item, 200)))) : null,
    step.needsAdmin ? h('p', { class: 'note' }, t('wizard.needsAdmin')) : null,
    step.status === 'done' ? h('p', { class: 'done big', id: 'wizard-result' }, t('wizard.result.done'), step.detail !== null ? ` ${toDisplayText(step.detail, 400)}` : '') : null,
    step.status === 'failed' ? h('p', { class: 'big', id: 'wizard-result' }, t('wizard.result.failed')) : null,
  ];
}

/** Renders the wizard screen for the current saved state. */
export async function renderWizard(ctx: ScreenContext): Promise<HTMLElement> {
  const view = await ctx.api.call('scarestop:wizard-get', {});
  const line = statusLine('wizard-status');
  const act: Act = (request) => {
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
    return screenSection('wizard', screenHeading(t('wizard.heading')), h('p', { class: 'big done', id: 'wizard-finished' }, t('wizard.finished')), button(t('common.home'), () => ctx.navigate('home'), { kind: 'primary', id: 'wizard-home' }));
  }
  const step = view.step;
  const progressText = t('wizard.progress', { n: view.index + 1, count: view.count });
  return screenSection(
    'wizard',
    screenHeading(t('wizard.heading')),
    h('p', { class: 'progress-text', id: 'wizard-progress' }, progressText),
    h('progress', { attrs: { max: String(view.count), value: String(view.index + 1), 'aria-label': `${t('wizard.progressLabel')}: ${progressText}` } }),
    h('div', { class: 'wizard-step', attrs: { 'data-step': step.id, 'data-kind': step.kind } }, ...stepBody(step)),
    step.kind === 'question' ? questionButtons(step, act, ctx) : stepButtons(step, act, ctx),
    line,
  );
}
