/**
 * Renderer entry: the shell (header with language switch, navigation, main area, live region)
 * and a hash router over the screens. Main's events re-draw the screen they concern.
 */
import type { Screen } from '../../src/shared/ipc.js';
import { isScreen } from '../../src/shared/ipc-names.js';
import { createApi, type Api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { language, languageFromLocale, setLanguage, t } from './i18n.js';
import type { ScreenContext, ScreenRenderer } from './screen.js';
import { renderAlert } from './screens/alert.js';
import { errorText, screenHeading, screenSection } from './screens/common.js';
import { renderHistory } from './screens/history.js';
import { renderHome } from './screens/home.js';
import { renderRemote } from './screens/remote.js';
import { renderScan } from './screens/scan.js';
import { renderSettings } from './screens/settings.js';
import { renderWizard } from './screens/wizard.js';

const screens: Readonly<Record<Screen, ScreenRenderer>> = {
  home: renderHome,
  alert: renderAlert,
  remote: renderRemote,
  scan: renderScan,
  wizard: renderWizard,
  history: renderHistory,
  settings: renderSettings,
};

const navScreens = ['home', 'scan', 'wizard', 'history', 'settings'] as const;

function currentScreen(): Screen {
  const name = location.hash.replace(/^#/, '');
  return isScreen(name) ? name : 'home';
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html lacks #${id}`);
  return element;
}

let drawing = 0;

async function draw(api: Api, moveFocus: boolean): Promise<void> {
  const ticket = ++drawing;
  const screen = currentScreen();
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  document.title = t('app.title');
  document.body.dataset['screen'] = screen;
  drawHeader(api);
  drawNav(screen);
  const main = byId('main');
  let content: HTMLElement;
  try {
    content = await screens[screen](context(api));
  } catch (error) {
    console.error('screen failed', screen, error);
    content = screenSection('error', screenHeading(errorText()));
  }
  if (ticket !== drawing) return; // a newer draw started meanwhile
  replaceChildren(main, content);
  document.body.dataset['ready'] = screen;
  const again = focusedId === '' ? null : document.getElementById(focusedId);
  if (!moveFocus && again !== null) again.focus();
  else if (moveFocus) document.getElementById('screen-title')?.focus();
}

function drawHeader(api: Api): void {
  const other = t('lang.otherCode') === 'ja' ? 'ja' : 'en';
  const toggle = h('button', {
    id: 'lang-toggle',
    class: 'btn btn-plain',
    // The accessible name contains the visible text (WCAG label-in-name).
    attrs: { type: 'button', 'aria-label': `${t('lang.switchLabel')} ${t('lang.other')}` },
    onClick: () => {
      api.call('scarestop:settings-set', { language: other }).then(
        (saved) => {
          setLanguage(saved.language);
          void draw(api, false);
        },
        (error: unknown) => console.error('language switch failed', error),
      );
    },
  }, h('span', { attrs: { lang: other } }, t('lang.other')));
  replaceChildren(byId('topbar'), h('p', { class: 'app-name' }, h('img', { attrs: { src: 'icon.png', alt: '', width: '32', height: '32' } }), ' ', t('app.title')), toggle);
}

function drawNav(screen: Screen): void {
  const nav = byId('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  nav.hidden = screen === 'alert' || screen === 'remote';
  const links = navScreens.map((name) =>
    h('li', {}, h('a', { id: `nav-${name}`, attrs: { href: `#${name}`, 'aria-current': name === screen ? 'page' : undefined } }, t(`nav.${name}`))),
  );
  replaceChildren(nav, h('ul', {}, ...links));
}

function context(api: Api): ScreenContext {
  return {
    api,
    navigate(screen) {
      if (currentScreen() === screen) void draw(api, true);
      else location.hash = screen; // hashchange draws
    },
    rerender() {
      void draw(api, false);
    },
    announce(text) {
      const region = byId('announcer');
      region.textContent = '';
      // A fresh text node after clearing makes screen readers speak it even when unchanged.
      window.setTimeout(() => {
        region.textContent = text;
      }, 50);
    },
  };
}

async function boot(): Promise<void> {
  const api = createApi();
  setLanguage(languageFromLocale(navigator.language));
  try {
    setLanguage((await api.call('scarestop:settings-get', {})).language);
  } catch (error) {
    console.error('settings unavailable; using the browser language', error);
  }
  window.addEventListener('hashchange', () => void draw(api, true));
  api.on('scarestop:navigate', ({ screen }) => context(api).navigate(screen));
  api.on('scarestop:settings-changed', (settings) => {
    if (settings.language !== language()) {
      setLanguage(settings.language);
      void draw(api, false);
    }
  });
  api.on('scarestop:status-changed', () => {
    if (currentScreen() === 'home') void draw(api, false);
  });
  api.on('scarestop:alert-changed', (alert) => {
    if (currentScreen() === 'alert') void draw(api, false);
    else if (alert.state === 'open' || (alert.mode === 'auto' && alert.state === 'closed')) context(api).navigate('alert');
  });
  api.on('scarestop:remote-changed', (remote) => {
    if (currentScreen() === 'remote') void draw(api, false);
    else if (remote.state === 'paused') context(api).navigate('remote');
  });
  await draw(api, false);
}

void boot();
