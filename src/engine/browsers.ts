import type { BrowserFamily } from './ports/windows.js';

/**
 * Executable names of web browsers, lower-case, without `.exe`. Only windows owned by one of
 * these are ever judged "scam" or acted on: ScareStop never closes a non-browser process.
 */
const BROWSER_EXECUTABLES: Readonly<Record<string, BrowserFamily>> = {
  chrome: 'chrome',
  'google-chrome': 'chrome',
  'google-chrome-stable': 'chrome',
  chromium: 'chromium',
  'chromium-browser': 'chromium',
  msedge: 'edge',
  'microsoft-edge': 'edge',
  'microsoft-edge-stable': 'edge',
  brave: 'brave',
  'brave-browser': 'brave',
  opera: 'opera',
  launcher: 'opera', // Opera's Windows launcher
  vivaldi: 'vivaldi',
  'vivaldi-bin': 'vivaldi',
  firefox: 'firefox',
  'firefox-esr': 'firefox',
  'firefox-bin': 'firefox',
  waterfox: 'firefox',
  librewolf: 'firefox',
  iexplore: 'other',
  yandex: 'chromium',
  whale: 'chromium', // Naver Whale
  sleipnir: 'chromium', // Fenrir Sleipnir (Japan)
  thorium: 'chromium',
};

/** The executable's base name, lower-case, without directory or `.exe`. */
export function executableBaseName(processNameOrPath: string): string {
  const base = processNameOrPath.split(/[\\/]/).pop() ?? '';
  return base.toLowerCase().replace(/\.exe$/, '').trim();
}

/** Which browser a process is, or `undefined` when it is not a browser we know. */
export function browserFamilyOf(processNameOrPath: string | undefined): BrowserFamily | undefined {
  if (processNameOrPath === undefined || processNameOrPath === '') return undefined;
  return BROWSER_EXECUTABLES[executableBaseName(processNameOrPath)];
}

/** True when the process is a known web browser. */
export function isBrowserProcess(processNameOrPath: string | undefined): boolean {
  return browserFamilyOf(processNameOrPath) !== undefined;
}

/**
 * Helper executables a browser starts as its own children (crash reporters, sandbox and
 * PWA helpers), by engine, lower-case without `.exe`. They end with the browser; anything else
 * a browser started (an office program opened from a download) is not part of it.
 */
const CHROMIUM_HELPERS = new Set([
  'chrome_crashpad_handler',
  'crashpad_handler',
  'chrome-sandbox',
  'nacl_helper',
  'nacl_helper_bootstrap',
  'notification_helper',
  'identity_helper',
  'elevation_service',
  'chrome_proxy',
  'msedge_proxy',
  'msedge_pwa_launcher',
  'msedgewebview2',
  'msedge_crashpad_handler',
  'opera_crashreporter',
]);
const FIREFOX_HELPERS = new Set(['crashreporter', 'crashhelper', 'plugin-container', 'pingsender', 'minidump-analyzer', 'glxtest', 'vaapitest']);

/**
 * True when a process with this executable is part of a browser of `family`: the family's own
 * executable, or one of that engine's helpers. A browser of another family is not.
 */
export function isProcessOfBrowserFamily(processNameOrPath: string | undefined, family: BrowserFamily): boolean {
  if (processNameOrPath === undefined || processNameOrPath === '') return false;
  const own = browserFamilyOf(processNameOrPath);
  if (own !== undefined) return own === family;
  const base = executableBaseName(processNameOrPath);
  if (family === 'firefox') return FIREFOX_HELPERS.has(base);
  if (family === 'other') return false;
  return CHROMIUM_HELPERS.has(base);
}
