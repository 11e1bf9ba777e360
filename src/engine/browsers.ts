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
