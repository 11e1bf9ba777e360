/**
 * The alert: large calm words first ("This warning is fake"), then what the page pretends and
 * the number not to call, one big button to close it. "This page is fine" is small, set apart
 * at the bottom and asks again before it does anything: a caller on the phone will tell the
 * person to press it.
 * Everything from the page (title, number) is set as text, never as markup.
 */
import type { AlertView, CloseResult } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { dynamicKey, errorText, screenHeading, screenSection, statusLine } from './common.js';

function heading(alert: AlertView): string {
  if (alert.mode === 'auto' && alert.state === 'closed') return t('alert.auto');
  return alert.verdict === 'scam' ? t('alert.heading') : t('alert.headingSuspicious');
}

function facts(alert: AlertView): HTMLElement {
  const phones = alert.phones.map((phone) =>
    h('li', {}, h('span', { class: 'phone', attrs: { dir: 'ltr' } }, toDisplayText(phone.display, 40)), phone.known ? ` ${t('alert.knownNumber')}` : null),
  );
  return h(
    'div',
    { class: 'alert-facts' },
    alert.brand !== null ? h('p', { class: 'brand', id: 'alert-brand' }, t('alert.brand', { brand: toDisplayText(alert.brand, 80) })) : null,
    phones.length > 0 ? h('p', {}, t('alert.phones')) : null,
    phones.length > 0 ? h('ul', { class: 'phones', id: 'alert-phones' }, ...phones) : null,
    h('p', { class: 'page-title-line' }, t('alert.pageTitle'), ' ', h('bdi', { class: 'page-title', id: 'alert-page-title' }, toDisplayText(alert.title))),
  );
}

function steps(result: CloseResult | null): HTMLElement | null {
  if (result === null || result.steps.length === 0) return null;
  return h(
    'div',
    {},
    h('p', {}, t('alert.whatWasDone')),
    h('ul', { class: 'steps' }, ...result.steps.map((step) => h('li', {}, `${t(dynamicKey('step', step.step, 'step.close-window'))}: ${t(dynamicKey('stepStatus', step.status, 'stepStatus.done'))}`))),
  );
}

function outcome(alert: AlertView, ctx: ScreenContext, close: () => void): (Node | null)[] {
  const finish = button(t('alert.done'), () => {
    void ctx.api.call('scarestop:alert-dismiss', { alertId: alert.id }).then(() => ctx.navigate('home'), () => ctx.navigate('home'));
  }, { kind: 'primary', id: 'alert-ok' });
  switch (alert.state) {
    case 'open':
      return [
        button(t('alert.close'), close, { kind: 'primary', id: 'alert-close' }),
        h('p', { class: 'effect', id: 'alert-effect' }, t(alert.closeEffect === 'whole-browser' ? 'alert.effect.whole-browser' : 'alert.effect.window', { browser: alert.browserName })),
      ];
    case 'closing':
      return [h('p', { class: 'big' }, t('alert.closing'))];
    case 'closed':
      return [
        h('p', { class: 'big done', id: 'alert-result' }, t('alert.closed')),
        alert.result?.browserClosed === true ? h('p', {}, t('alert.closedBrowser', { browser: alert.browserName })) : null,
        steps(alert.result),
        finish,
      ];
    case 'failed':
      return [h('p', { class: 'big', id: 'alert-result' }, t('alert.failed')), button(t('alert.close'), close, { kind: 'primary', id: 'alert-close' }), steps(alert.result), finish];
    case 'allowed':
      return [h('p', { class: 'big', id: 'alert-result' }, t('alert.allowed')), finish];
    case 'dismissed':
      return [finish];
  }
}

/** The small "This page is fine" at the bottom; pressing it first asks whether the person is sure. */
function allowChoice(alert: AlertView, ctx: ScreenContext): HTMLElement {
  const area = h('div', { class: 'allow-area', id: 'alert-allow-area' });
  const confirm = (): void => {
    void ctx.api.call('scarestop:alert-allow', { alertId: alert.id }).then(() => ctx.rerender(), () => ctx.announce(errorText()));
  };
  const ask = (): void => {
    const question = h('p', { class: 'warning', id: 'alert-allow-ask' }, t('alert.allowAsk'));
    const no = button(t('alert.allowNo'), () => {
      area.replaceChildren(small());
      area.querySelector('button')?.focus();
    }, { kind: 'secondary', id: 'alert-allow-no' });
    area.replaceChildren(question, h('div', { class: 'confirm-buttons' }, no, button(t('alert.allowYes'), confirm, { kind: 'plain', id: 'alert-allow-yes' })));
    no.focus();
  };
  const small = (): HTMLButtonElement => {
    const element = button(t('alert.allow'), ask, { kind: 'plain', id: 'alert-allow' });
    element.classList.add('small');
    return element;
  };
  area.append(small());
  return area;
}

/** Renders the alert screen. */
export async function renderAlert(ctx: ScreenContext): Promise<HTMLElement> {
  const alert = await ctx.api.call('scarestop:alert-current', {});
  if (alert === null || alert.state === 'dismissed') {
    return screenSection('alert', screenHeading(t('alert.none')), button(t('common.home'), () => ctx.navigate('home'), { kind: 'primary', id: 'alert-home' }));
  }
  const line = statusLine('alert-status');
  const close = (): void => {
    line.textContent = t('alert.closing');
    ctx.api.call('scarestop:alert-close', { alertId: alert.id }).then(
      (result) => {
        ctx.announce(result.outcome === 'failed' ? t('alert.failed') : t('alert.closed'));
        ctx.rerender();
      },
      () => {
        line.textContent = errorText();
      },
    );
  };
  return screenSection(
    'alert',
    h('div', { class: 'alert-banner' }, screenHeading(heading(alert)), h('p', { class: 'calm', id: 'alert-calm' }, t('alert.calm'))),
    facts(alert),
    h('div', { class: 'actions' }, ...outcome(alert, ctx, close)),
    line,
    alert.state === 'open' ? allowChoice(alert, ctx) : null,
  );
}
