/**
 * Settings: close mode, language, start at login, the close shortcut, the allow list, and the
 * family contacts (add, test, remove: see family.ts). Changes save at once.
 */
import type { Settings, SettingsPatch } from '../../../src/shared/ipc.js';
import { HOTKEY_CHOICES } from '../../../src/shared/ipc-names.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { h } from '../dom.js';
import { setLanguage, t } from '../i18n.js';
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

/** Renders the settings screen. */
export async function renderSettings(ctx: ScreenContext): Promise<HTMLElement> {
  const settings = await ctx.api.call('scarestop:settings-get', {});
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
    await familySection(ctx),
    line,
  );
}
