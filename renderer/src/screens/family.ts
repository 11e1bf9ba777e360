/**
 * The family section of Settings: who is told, add (checked by main with the CLI's own rules),
 * send a test, remove. Results stay visible in the section's status line.
 */
import type { FamilyContactView, FamilyView } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { dynamicKey, errorText, statusLine } from './common.js';

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), ' ', input);
}

function contactItem(contact: FamilyContactView, ctx: ScreenContext, say: (text: string) => void): HTMLElement {
  const name = toDisplayText(contact.name, 80);
  const where = [contact.email, contact.webhook === null ? null : `${contact.webhook} (${contact.webhookMode ?? 'json'})`].filter((part): part is string => part !== null).join(' / ');
  const test = button(t('settings.familyTest'), () => {
    say(t('wizard.working'));
    ctx.api.call('scarestop:family-test', { id: contact.id }).then(
      (result) => say(result.results.length > 0 && result.results.every((line) => line.ok) ? t('settings.familyTestSent', { name }) : t('settings.familyTestFailed', { name })),
      () => say(errorText()),
    );
  }, { kind: 'secondary', id: `family-test-${contact.id}` });
  test.setAttribute('aria-label', t('settings.familyTestLabel', { name }));
  const remove = button(t('settings.familyRemove'), () => {
    ctx.api.call('scarestop:family-remove', { id: contact.id }).then(() => {
      ctx.announce(t('settings.familyRemoved'));
      ctx.rerender();
    }, () => say(errorText()));
  }, { kind: 'plain', id: `family-remove-${contact.id}` });
  remove.setAttribute('aria-label', t('settings.familyRemoveLabel', { name }));
  return h('li', { class: 'family-contact' }, h('bdi', {}, name), ' — ', h('bdi', {}, toDisplayText(where, 400)), ' ', test, ' ', remove);
}

/** The family section, filled from main. */
export async function familySection(ctx: ScreenContext): Promise<HTMLElement> {
  const family: FamilyView = await ctx.api.call('scarestop:family-list', {});
  const line = statusLine('family-status');
  const say = (text: string): void => {
    line.textContent = text;
    ctx.announce(text);
  };
  const name = h('input', { id: 'family-name', attrs: { type: 'text', autocomplete: 'name', maxlength: '80' } });
  const email = h('input', { id: 'family-email', attrs: { type: 'email', autocomplete: 'email' } });
  const webhook = h('input', { id: 'family-webhook', attrs: { type: 'url', inputmode: 'url' } });
  const mode = h('select', { id: 'family-mode' }, h('option', { attrs: { value: 'ntfy' } }, t('settings.familyMode.ntfy')), h('option', { attrs: { value: 'json' } }, t('settings.familyMode.json')));
  const language = h('select', { id: 'family-language' }, h('option', { attrs: { value: 'ja', lang: 'ja' } }, '日本語'), h('option', { attrs: { value: 'en', lang: 'en' } }, 'English'));
  language.value = document.documentElement.lang === 'en' ? 'en' : 'ja';
  const add = (): void => {
    const chosen = language.value === 'en' ? 'en' : 'ja';
    ctx.api
      .call('scarestop:family-add', { name: name.value, language: chosen, email: email.value, webhookUrl: webhook.value, webhookMode: mode.value === 'json' ? 'json' : 'ntfy' })
      .then((result) => {
        if (result.error !== null) {
          say(t(dynamicKey('settings.familyError', result.error, 'settings.familyError.no-channel')));
          return;
        }
        ctx.announce(t('settings.familyAdded'));
        ctx.rerender();
      }, () => say(errorText()));
  };
  return h(
    'section',
    { id: 'family', attrs: { 'aria-labelledby': 'family-title' } },
    h('h2', { id: 'family-title' }, t('settings.family')),
    h('p', {}, t('settings.familyText')),
    family.contacts.length === 0 ? h('p', { id: 'family-empty' }, t('settings.familyEmpty')) : h('ul', { id: 'family-list' }, ...family.contacts.map((contact) => contactItem(contact, ctx, say))),
    h(
      'fieldset',
      { id: 'family-form' },
      h('legend', {}, t('settings.familyAdd')),
      field('family-name', t('settings.familyName'), name),
      field('family-email', t('settings.familyEmail'), email),
      family.mailReady ? null : h('p', { class: 'note' }, t('settings.familyNoMail')),
      field('family-webhook', t('settings.familyWebhook'), webhook),
      field('family-mode', t('settings.familyMode'), mode),
      field('family-language', t('settings.familyLanguage'), language),
      button(t('settings.familyAdd'), add, { kind: 'primary', id: 'family-add' }),
    ),
    line,
  );
}
