/**
 * Validation and defaults for every setting. Each key is stored as its own JSON row, so a bad
 * value for one key falls back to that key's default without losing the others.
 * To add a setting: add it to `Settings` in src/engine/ports/store.ts, here to
 * {@link settingSchemas} and {@link defaultSettings}.
 */
import { z } from 'zod';
import type { HelpContact, Settings } from '../engine/ports/store.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const helpContact: z.ZodType<HelpContact> = z
  .object({
    name: text(120),
    phone: z.string().trim().regex(/^[+#0-9][0-9 ()-]{1,24}$/, 'digits, spaces, + # ( ) -').optional(),
    url: z.url({ protocol: /^https?$/ }).max(300).optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();

/** One validator per key. */
export const settingSchemas = {
  closeMode: z.enum(['ask', 'auto', 'never']),
  language: z.enum(['auto', 'ja', 'en']),
  region: z.union([z.literal('auto'), z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2, e.g. JP')]),
  allowList: z.array(text(200)).max(200),
  startAtLogin: z.boolean(),
  remoteAlwaysAsk: z.boolean(),
  remoteHelpers: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'a catalog tool id')).max(50),
  remoteOnThePhoneAt: z.number().int().nonnegative(),
  // Electron accelerator: modifiers and one key joined by "+".
  hotkey: z.string().regex(/^((CommandOrControl|CmdOrCtrl|Ctrl|Control|Alt|Shift|Super|Meta)\+){1,3}[A-Za-z0-9]{1,3}$/, 'e.g. Ctrl+Alt+S'),
  helpContacts: z.array(helpContact).max(30),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

/**
 * The person's own help contacts start empty: the wizard already lists the official lines of
 * the person's region, the card company and the bank in the person's language (engine/cleanup/
 * help.ts); a generic English list here showed up inside the Japanese help step.
 */
export const defaultHelpContacts: readonly HelpContact[] = [];

/** Defaults for a new install. */
export const defaultSettings: Settings = {
  closeMode: 'ask',
  language: 'auto',
  region: 'auto',
  allowList: [],
  startAtLogin: true,
  remoteAlwaysAsk: false,
  remoteHelpers: [],
  remoteOnThePhoneAt: 0,
  hotkey: 'Ctrl+Alt+S',
  helpContacts: defaultHelpContacts,
};

/** The keys this version knows. */
export const settingKeys = Object.keys(settingSchemas) as (keyof Settings)[];

/** Checks one key's value; returns the message of the first problem. */
export function validateSetting<K extends keyof Settings>(key: K, value: unknown): { ok: true; value: Settings[K] } | { ok: false; message: string } {
  // The `satisfies` on settingSchemas guarantees each key's schema yields that key's type.
  const schema = settingSchemas[key] as unknown as z.ZodType<Settings[K]>;
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue !== undefined && issue.path.length > 0 ? `${key}.${issue.path.join('.')}` : key;
  return { ok: false, message: `${where}: ${issue?.message ?? 'invalid value'}` };
}

/** True when `key` is a setting this version knows. */
export function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(settingSchemas, key);
}
