/**
 * Settings: close mode, language, start at login, the close shortcut, the allow list, pausing
 * protection (only here, and only after a question: a caller may tell the person to pause it),
 * and the family contacts (add, test, remove: see family.ts). Changes save at once.
 */
import type { Settings, SettingsPatch, Status } from '../../../src/shared/ipc.js';
import { HOTKEY_CHOICES } from '../../../src/shared/ipc-names.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { formatClock, setLanguage, t } from '../i18n.js';
import type { MessageKey } from '../messages-en.js';
import type { ScreenContext } from '../screen.js';
import { errorText, screenHeading, screenSection, statusLine } from './common.js';
import { familySection } from './family.js';

interface RadioChoice {
  readonly value: string;
  readonly label: string;
  readonly lang?: string;
}

function radioGroup(name: string, legend: string, choices: readonly RadioChoice[], selected: string, onPick: (value: string) => void): HTMLElement {
  return h(
    'fieldset',
    { id: `${name}-group` },
    h('legend', {}, legend),
    ...choices.map((choice) => {
      const input = h('input', { id: `${name}-${choice.value}`, attrs: { type: 'radio', name, value: choice.value }, onChange: () => onPick(choice.value) });
      input.checked = choice.value === selected;
      return h('label', { class: 'choice', attrs: { lang: choice.lang } }, input, ' ', choice.label);
    }),
  );
}

/** Pause protection: a question first; while paused, one press turns it back on. */
function pauseSection(status: Status, ctx: ScreenContext): HTMLElement {
  const area = h('div', { class: 'pause-area', id: 'pause-area' });
  const act = (request: Promise<unknown>): void => {
    request.then(() => ctx.rerender(), () => ctx.announce(errorText()));
  };
  const start = (): void => {
    if (status.state === 'paused' && status.pausedUntil !== null) {
      area.replaceChildren(h('p', { id: 'paused-until' }, t('settings.paused', { time: formatClock(status.pausedUntil) })), button(t('home.resume'), () => act(ctx.api.call('scarestop:resume', {})), { kind: 'primary', id: 'settings-resume' }));
      return;
    }
    area.replaceChildren(button(t('settings.pauseButton'), ask, { kind: 'plain', id: 'settings-pause' }));
  };
  const ask = (): void => {
    const no = button(t('settings.pauseNo'), () => {
      start();
      area.querySelector('button')?.focus();
    }, { kind: 'primary', id: 'settings-pause-no' });
    area.replaceChildren(
      h('p', { class: 'warning', id: 'settings-pause-ask' }, t('settings.pauseAsk')),
      h('div', { class: 'confirm-buttons' }, no, button(t('settings.pauseYes'), () => act(ctx.api.call('scarestop:pause', { minutes: 15 })), { kind: 'plain', id: 'settings-pause-yes' })),
    );
    no.focus();
  };
  start();
  return h('section', { id: 'pause', attrs: { 'aria-labelledby': 'pause-title' } }, h('h2', { id: 'pause-title' }, t('settings.pause')), area);
}

/**
 * Remote-control programs: "always ask before anyone connects" (saved at once) and the quick
 * "a caller asked me to install a program", which keeps the guard up for the next hours.
 */
function remoteSection(settings: Settings, ctx: ScreenContext, save: (patch: SettingsPatch) => void): HTMLElement {
  const alwaysAsk = h('input', { id: 'remote-always-ask', attrs: { type: 'checkbox', 'aria-describedby': 'remote-always-ask-hint' }, onChange: () => save({ remoteAlwaysAsk: alwaysAsk.checked }) });
  alwaysAsk.checked = settings.remoteAlwaysAsk;
  const phone = (on: boolean): void => {
    ctx.api.call('scarestop:on-the-phone', { on }).then(
      (saved) => {
        ctx.announce(saved.onThePhoneUntil === null ? t('settings.saved') : t('settings.onThePhoneOn', { time: formatClock(saved.onThePhoneUntil) }));
        ctx.rerender();
      },
      () => ctx.announce(errorText()),
    );
  };
  const until = settings.onThePhoneUntil;
  return h(
    'section',
    { id: 'remote-settings', attrs: { 'aria-labelledby': 'remote-settings-title' } },
    h('h2', { id: 'remote-settings-title' }, t('settings.remote')),
    until === null
      ? h('div', { class: 'field' }, button(t('settings.onThePhone'), () => phone(true), { kind: 'primary', id: 'on-the-phone' }), h('p', { class: 'hint' }, t('settings.onThePhoneHint')))
      : h('div', { class: 'field' }, h('p', { class: 'big', id: 'on-the-phone-until' }, t('settings.onThePhoneOn', { time: formatClock(until) })), button(t('settings.onThePhoneOff'), () => phone(false), { id: 'on-the-phone-off' })),
    h('div', { class: 'field' }, h('label', { class: 'choice' }, alwaysAsk, ' ', t('settings.remoteAlwaysAsk')), h('p', { class: 'hint', id: 'remote-always-ask-hint' }, t('settings.remoteAlwaysAskHint'))),
  );
}

/** Renders the settings screen. */
export async function renderSettings(ctx: ScreenContext): Promise<HTMLElement> {
  const settings = await ctx.api.call('scarestop:settings-get', {});
  const status = await ctx.api.call('scarestop:status', {});
  const line = statusLine('settings-status');
  const save = (patch: SettingsPatch): void => {
    ctx.api.call('scarestop:settings-set', patch).then(
      (saved: Settings) => {
        if (patch.language !== undefined) {
          setLanguage(saved.language);
          ctx.rerender();
        }
        ctx.announce(t('settings.saved'));
        line.textContent = t('settings.saved');
      },
      () => {
        line.textContent = errorText();
      },
    );
  };
  const modes = (['ask', 'auto', 'never'] as const).map((mode) => ({ value: mode, label: t(`settings.mode.${mode}` satisfies MessageKey) }));
  const languages = [
    { value: 'ja', label: '日本語', lang: 'ja' },
    { value: 'en', label: 'English', lang: 'en' },
  ];
  const startAtLogin = h('input', { id: 'start-at-login', attrs: { type: 'checkbox' }, onChange: () => save({ startAtLogin: startAtLogin.checked }) });
  startAtLogin.checked = settings.startAtLogin;
  const hotkeys: string[] = [...HOTKEY_CHOICES];
  if (!hotkeys.includes(settings.hotkey)) hotkeys.unshift(settings.hotkey);
  const hotkey = h('select', { id: 'hotkey', onChange: () => {
    const choice = HOTKEY_CHOICES.find((value) => value === hotkey.value);
    if (choice !== undefined) save({ hotkey: choice });
  } }, ...hotkeys.map((value) => h('option', { attrs: { value } }, value)));
  hotkey.value = settings.hotkey;
  const allowItems = settings.allowList.map((value) =>
    h('li', {}, h('bdi', {}, toDisplayText(value, 200)), ' ', h('button', {
      class: 'btn btn-plain small',
      attrs: { type: 'button', 'aria-label': t('settings.allowRemoveLabel', { value: toDisplayText(value, 200) }) },
      onClick: () => {
        ctx.api.call('scarestop:allow-list-remove', { value }).then(() => ctx.rerender(), () => ctx.announce(errorText()));
      },
    }, t('settings.allowRemove'))),
  );
  return screenSection(
    'settings',
    screenHeading(t('settings.heading')),
    radioGroup('mode', t('settings.mode'), modes, settings.mode, (value) => {
      if (value === 'ask' || value === 'auto' || value === 'never') save({ mode: value });
    }),
    radioGroup('language', t('settings.language'), languages, settings.language, (value) => {
      if (value === 'ja' || value === 'en') save({ language: value });
    }),
    h('div', { class: 'field' }, h('label', { class: 'choice' }, startAtLogin, ' ', t('settings.startAtLogin'))),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'hotkey' } }, t('settings.hotkey')), ' ', hotkey),
    h('h2', {}, t('settings.allowList')),
    allowItems.length === 0 ? h('p', {}, t('settings.allowListEmpty')) : h('ul', { id: 'allow-list' }, ...allowItems),
    remoteSection(settings, ctx, save),
    pauseSection(status, ctx),
    await familySection(ctx),
    line,
  );
}
