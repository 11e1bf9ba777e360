/** Home: is ScareStop protecting me, when did it last check, and big buttons for the rest. */
import type { CloseResult, Status } from '../../../src/shared/ipc.js';
import { button, h } from '../dom.js';
import { formatClock, formatTime, t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { errorText, screenHeading, screenSection, statusLine } from './common.js';

function statusText(status: Status): string {
  switch (status.state) {
    case 'watching':
      return t('status.watching');
    case 'paused':
      return t('status.paused', { time: status.pausedUntil === null ? '' : formatClock(status.pausedUntil) });
    case 'alert':
      return status.remoteWaiting ? t('status.remote') : t('status.alert');
  }
}

/** What the big button did, in plain words (nothing is closed when no browser is in front). */
function closeOutcomeText(outcome: CloseResult): string {
  switch (outcome.outcome) {
    case 'closed':
      return t('close.closed');
    case 'failed':
      return t('close.failed');
    case 'nothing-to-close':
      return outcome.nothingReason === 'not-a-browser' ? t('close.notBrowser') : outcome.nothingReason === 'no-window' ? t('close.noWindow') : t('close.none');
  }
}

/** Renders the home screen. */
export async function renderHome(ctx: ScreenContext): Promise<HTMLElement> {
  const status = await ctx.api.call('scarestop:status', {});
  const result = statusLine('home-result');
  const closeNow = (): void => {
    ctx.api.call('scarestop:close-now', {}).then(
      (outcome) => {
        result.textContent = closeOutcomeText(outcome);
      },
      () => {
        result.textContent = errorText();
      },
    );
  };
  // Pausing lives in Settings behind a question (a caller may tell the person to press it);
  // turning protection back on is always one press away.
  const resume = (): void => {
    ctx.api.call('scarestop:resume', {}).then(() => ctx.rerender(), () => ctx.announce(errorText()));
  };
  const startWizard = (): void => {
    ctx.navigate('wizard');
  };
  // "A caller asked me to install a program" only raises protection, so it is one press here;
  // taking it back ("The call is over") is in Settings.
  const settings = await ctx.api.call('scarestop:settings-get', {});
  const onThePhone = (): void => {
    ctx.api.call('scarestop:on-the-phone', { on: true }).then(
      (saved) => {
        if (saved.onThePhoneUntil !== null) ctx.announce(t('settings.onThePhoneOn', { time: formatClock(saved.onThePhoneUntil) }));
        ctx.rerender();
      },
      () => ctx.announce(errorText()),
    );
  };
  return screenSection(
    'home',
    h('div', { class: `status-card state-${status.state}` }, screenHeading(statusText(status))),
    status.problem !== null ? h('p', { class: 'problem' }, t('status.problem', { problem: status.problem })) : null,
    status.remoteWaiting ? button(t('home.remote'), () => ctx.navigate('remote'), { kind: 'primary', id: 'home-remote' }) : null,
    h('p', { id: 'home-last-scan' }, status.lastScan === null ? t('home.lastScanNever') : t('home.lastScan', { time: formatTime(status.lastScan.at), count: status.lastScan.findingCount })),
    h(
      'div',
      { class: 'big-buttons' },
      button(t('home.closeNow'), closeNow, { kind: 'primary', id: 'home-close' }),
      button(t('home.scan'), () => ctx.navigate('scan'), { id: 'home-scan' }),
      button(status.wizard === 'in-progress' ? t('home.wizardResume') : t('home.wizard'), startWizard, { id: 'home-wizard' }),
      status.state === 'paused' ? button(t('home.resume'), resume, { id: 'home-resume' }) : null,
    ),
    result,
    settings.onThePhoneUntil === null
      ? h('div', { class: 'field' }, button(t('settings.onThePhone'), onThePhone, { id: 'home-on-the-phone' }), h('p', { class: 'hint' }, t('settings.onThePhoneHint')))
      : h('p', { class: 'big', id: 'home-on-the-phone-until' }, t('settings.onThePhoneOn', { time: formatClock(settings.onThePhoneUntil) })),
    h('p', { class: 'hint', id: 'home-hotkey' }, status.hotkey === null ? t('home.hotkeyNone') : t('home.hotkey', { hotkey: status.hotkey })),
  );
}
