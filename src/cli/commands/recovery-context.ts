/**
 * What `scarestop cleanup`, `report` and `history` share: the store, the language and region,
 * and a scan that also yields cleanup hints (uninstall commands, service names).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanForCleanup as scanEngine, type CleanupScan, type Lang } from '../../engine/cleanup/index.js';
import { storeNotice } from '../../engine/incident/store-notice.js';
import type { Settings, StoreOpenReport } from '../../engine/ports/store.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { createInventorySource, dataHome } from '../../platform/index.js';
import { DATABASE_FILE, defaultSettings, openIncidentStore, type SqliteIncidentStore } from '../../storage/index.js';

/** Opens the store in the data folder. */
export function openStore(env: NodeJS.ProcessEnv): SqliteIncidentStore {
  return openIncidentStore({ dataHome: dataHome(env) });
}

/** Settings without creating a database when there is none yet (for read-only commands). */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  if (!existsSync(join(dataHome(env), DATABASE_FILE))) return defaultSettings;
  const store = openStore(env);
  try {
    return store.getSettings();
  } finally {
    store.close();
  }
}

/** A line to show when the database was replaced or can only be read, else undefined. */
export function openWarning(report: StoreOpenReport, lang: Lang = 'en'): string | undefined {
  const notice = storeNotice(report, lang);
  return notice === undefined ? undefined : `${lang === 'ja' ? '注意：' : 'Note: '}${notice}`;
}

/** Language: the option, else the setting, else the system locale. */
export function pickLang(option: string | undefined, settings: Settings, env: NodeJS.ProcessEnv): Lang {
  if (option === 'ja' || option === 'en') return option;
  if (settings.language !== 'auto') return settings.language;
  const locale = env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG'] ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Region for the help list: the option, else the setting, else the locale's country. */
export function pickRegion(option: string | undefined, settings: Settings, env: NodeJS.ProcessEnv, lang: Lang): string {
  if (option !== undefined && /^[A-Za-z]{2}$/u.test(option)) return option.toUpperCase();
  if (settings.region !== 'auto') return settings.region;
  const country = /^[a-z]{2}[_-]([A-Z]{2})/u.exec(env['LC_ALL'] ?? env['LANG'] ?? '')?.[1];
  return country ?? (lang === 'ja' ? 'JP' : 'ZZ');
}

/** Findings and the hints to remove them. */
export type ScanForCleanup = CleanupScan;

/** Scans this machine now. */
export async function scanForCleanup(env: NodeJS.ProcessEnv, lang: Lang): Promise<ScanForCleanup> {
  return scanEngine(await createInventorySource({ env }), { now: () => Date.now(), lang });
}

/** Findings from a file: the output of `scarestop scan --json`, or a bare list. */
export function readFindingsFile(path: string): RemoteFinding[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { findings?: unknown }).findings;
  if (!Array.isArray(list)) throw new Error(`${path}: expected a list of findings or {"findings": [...]}`);
  for (const item of list as Partial<RemoteFinding>[]) {
    if (typeof item.toolId !== 'string' || typeof item.name !== 'string' || !Array.isArray(item.evidence)) throw new Error(`${path}: not a finding: ${JSON.stringify(item).slice(0, 120)}`);
  }
  return list as RemoteFinding[];
}

/** Simple `--name value` / `--flag` parsing with a list of known options. */
export function parseOptions(args: readonly string[], withValue: readonly string[], flags: readonly string[]): { values: Record<string, string>; flags: Set<string>; error?: string } {
  const values: Record<string, string> = {};
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (withValue.includes(name)) {
      const value = inline ?? args[i + 1];
      if (value === undefined) return { values, flags: seen, error: `${name} needs a value` };
      values[name] = value;
      if (inline === undefined) i += 1;
    } else if (flags.includes(name)) {
      seen.add(name);
    } else {
      return { values, flags: seen, error: `unknown option ${arg}` };
    }
  }
  return { values, flags: seen };
}
