/**
 * The remote-access window: ScareStop paused a remote-control program (issue 16). Plain words
 * first (someone may be taking control; if a caller told you to install it, hang up), then one
 * big "End it". "This is someone I know" is smaller, set apart, and asks again before it does
 * anything: the caller on the phone will tell the person to press it.
 * The tool's name is the catalog's, never the caller's; it is still set as text only.
 */
import type { RemotePauseView } from '../../../src/shared/ipc.js';
import { button, h } from '../dom.js';
import { language, t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { dynamicKey, errorText, screenHeading, screenSection, statusLine } from './common.js';

function toolName(view: RemotePauseView): string {
  return language() === 'ja' ? view.toolJa : view.tool;
}

function heading(view: RemotePauseView): string {
  switch (view.state) {
    case 'paused':
    case 'ending':
      return t('remote.heading');
    case 'ended':
      return t('remote.ended', { tool: toolName(view) });
    case 'resumed':
      return t('remote.resumed', { tool: toolName(view) });
    case 'gone':
      return t('remote.gone', { tool: toolName(view) });
    case 'failed':
      return t('remote.failed', { tool: toolName(view) });
    case 'dismissed':
      return t('remote.none');
  }
}

/** "This is someone I know", small and at the bottom; pressing it asks first. */
function knownChoice(view: RemotePauseView, ctx: ScreenContext, line: HTMLElement): HTMLElement {
  const area = h('div', { class: 'allow-area', id: 'remote-known-area' });
  const confirm = (): void => {
    ctx.api.call('scarestop:remote-known', { pauseId: view.id }).then(
      (after) => {
        ctx.announce(heading(after));
        ctx.rerender();
      },
      () => {
        line.textContent = errorText();
      },
    );
  };
  const small = (): HTMLButtonElement => {
    const element = button(t('remote.known'), ask, { kind: 'plain', id: 'remote-known' });
    element.classList.add('small');
    return element;
  };
  function ask(): void {
    const no = button(t('remote.knownNo'), () => {
      area.replaceChildren(small());
      area.querySelector('button')?.focus();
    }, { kind: 'secondary', id: 'remote-known-no' });
    area.replaceChildren(h('p', { class: 'warning', id: 'remote-known-ask' }, t('remote.knownAsk')), h('div', { class: 'confirm-buttons' }, no, button(t('remote.knownYes'), confirm, { kind: 'plain', id: 'remote-known-yes' })));
    no.focus();
  }
  area.append(small());
  return area;
}

function afterwards(view: RemotePauseView, ctx: ScreenContext, line: HTMLElement): HTMLElement {
  const next = view.state === 'ended' && view.removalReady ? 'wizard' : view.state === 'failed' ? 'wizard' : 'home';
  const label = next === 'wizard' ? t(view.state === 'failed' ? 'remote.toRecovery' : 'remote.toRemoval', { tool: toolName(view) }) : t('remote.ok');
  return button(label, () => {
    ctx.api.call('scarestop:remote-dismiss', { pauseId: view.id, next }).then(() => ctx.navigate(next), () => {
      line.textContent = errorText();
    });
  }, { kind: 'primary', id: 'remote-next' });
}

/** Renders the remote-access window. */
export async function renderRemote(ctx: ScreenContext): Promise<HTMLElement> {
  const view = await ctx.api.call('scarestop:remote-current', {});
  if (view === null || view.state === 'dismissed') {
    return screenSection('remote', screenHeading(t('remote.none')), button(t('common.home'), () => ctx.navigate('home'), { kind: 'primary', id: 'remote-home' }));
  }
  const line = statusLine('remote-status');
  const endIt = (): void => {
    line.textContent = t('remote.ending');
    ctx.api.call('scarestop:remote-end', { pauseId: view.id }).then(
      (after) => {
        ctx.announce(heading(after));
        ctx.rerender();
      },
      () => {
        line.textContent = errorText();
      },
    );
  };
  const waiting = view.state === 'paused';
  return screenSection(
    'remote',
    h(
      'div',
      { class: 'alert-banner' },
      screenHeading(heading(view)),
      waiting || view.state === 'ending' ? h('p', { class: 'calm', id: 'remote-stopped' }, t('remote.stopped', { tool: toolName(view) })) : null,
    ),
    waiting ? h('p', { class: 'big warning', id: 'remote-hang-up' }, t('remote.hangUp')) : null,
    waiting ? h('p', { id: 'remote-reason' }, t('remote.why'), ' ', t(dynamicKey('remote.reason', view.reason, 'remote.reason.scam-page'))) : null,
    view.state === 'ended' && view.builtIn ? h('p', {}, t('remote.builtIn')) : null,
    h(
      'div',
      { class: 'actions' },
      waiting ? button(t('remote.end'), endIt, { kind: 'primary', id: 'remote-end' }) : null,
      waiting ? h('p', { class: 'effect', id: 'remote-end-effect' }, t('remote.endEffect', { tool: toolName(view) })) : null,
      view.state === 'ending' ? h('p', { class: 'big' }, t('remote.ending')) : null,
      !waiting && view.state !== 'ending' ? afterwards(view, ctx, line) : null,
    ),
    line,
    waiting ? knownChoice(view, ctx, line) : null,
  );
}
