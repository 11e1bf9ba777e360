/**
 * "Who was in my PC": one plain account per session from a tool's log — tool, the other side's
 * ID and name, start and end in local time with the zone, how it was let in, files moved — in
 * Japanese and English. Used by History, the report, the family alert and `scarestop watch`.
 */
import type { RemoteSessionAccount, SessionApproval } from '../../../shared/remote-live.js';
import { toDisplayText } from '../../../shared/display-text.js';
import type { IncomingSession, SessionAuth } from '../evidence/types.js';

/** UI languages of an account. */
export type AccountLanguage = 'ja' | 'en';

const APPROVAL_OF: Readonly<Record<SessionAuth, SessionApproval>> = {
  user: 'clicked-accept',
  password: 'unattended-password',
  token: 'remembered-login',
  rejected: 'refused',
  unknown: 'unknown',
};

/** A parsed log session as an account of the given tool. */
export function toSessionAccount(tool: { readonly toolId: string; readonly tool: string }, session: IncomingSession, source: string): RemoteSessionAccount {
  return {
    toolId: tool.toolId,
    tool: tool.tool,
    direction: session.direction ?? 'incoming',
    ...(session.remoteId !== undefined ? { remoteId: session.remoteId } : session.remoteAddress !== undefined ? { remoteId: session.remoteAddress } : {}),
    ...(session.remoteName !== undefined ? { remoteName: session.remoteName } : {}),
    ...(session.at !== undefined ? { startedAt: session.at } : {}),
    ...(session.endedAt !== undefined ? { endedAt: session.endedAt } : {}),
    approval: APPROVAL_OF[session.auth],
    fileTransfers: session.fileTransfers ?? (session.fileTransfer === true ? ['?'] : []),
    source,
  };
}

/** A stable key of one session (the same log line read twice is one session). */
export function sessionKey(account: RemoteSessionAccount): string {
  return [account.toolId, account.direction, account.startedAt ?? '', account.remoteId ?? '', account.source].join('|');
}

const APPROVAL_TEXT: Readonly<Record<SessionApproval, Readonly<Record<AccountLanguage, string>>>> = {
  'clicked-accept': { en: 'Someone at this PC clicked Accept to let them in.', ja: 'このパソコンで「承諾」が押されて、接続が許可されました。' },
  'unattended-password': {
    en: 'They got in with the unattended-access password, so nobody had to click Accept.',
    ja: '無人アクセス用のパスワードで入りました（だれも「承諾」を押していません）。',
  },
  'remembered-login': { en: 'They got in with a login saved on an earlier visit.', ja: '前回の接続で保存されたログイン情報で入りました。' },
  refused: { en: 'The connection was refused.', ja: '接続は拒否されました。' },
  unknown: { en: 'The log does not say how they were let in.', ja: 'どのように許可されたかは、記録に残っていません。' },
};

/** `2026年11月22日 21:03 JST` / `22 Nov 2026, 21:03 GMT+9`: local time with its zone. */
export function localTime(iso: string | undefined, language: AccountLanguage, timeZone?: string): string | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const format = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone !== undefined ? { timeZone } : {}),
  });
  return format.format(new Date(t));
}

function who(account: RemoteSessionAccount, language: AccountLanguage): string {
  const id = account.remoteId !== undefined ? toDisplayText(account.remoteId, 60) : undefined;
  const name = account.remoteName !== undefined ? toDisplayText(account.remoteName, 60) : undefined;
  if (language === 'ja') {
    const parts = [id !== undefined ? `ID ${id}` : undefined, name !== undefined ? `名前「${name}」` : undefined].filter((p) => p !== undefined);
    return parts.length > 0 ? `相手（${parts.join('、')}）` : '相手（IDは記録なし）';
  }
  const parts = [id !== undefined ? `ID ${id}` : undefined, name !== undefined ? `named "${name}"` : undefined].filter((p) => p !== undefined);
  return parts.length > 0 ? `someone (${parts.join(', ')})` : 'someone (no ID recorded)';
}

/** One plain account of a session, e.g. for History and the report. */
export function describeSession(account: RemoteSessionAccount, language: AccountLanguage, timeZone?: string): string {
  const start = localTime(account.startedAt, language, timeZone);
  const end = localTime(account.endedAt, language, timeZone);
  const tool = toDisplayText(account.tool, 60);
  const files = account.fileTransfers.filter((f) => f !== '?').map((f) => toDisplayText(f, 120));
  const filesMoved = account.fileTransfers.length > 0;
  if (language === 'ja') {
    const when = start === undefined ? '時刻は記録なし' : end === undefined ? `${start}から（終わりの時刻は記録なし）` : `${start}から${end}まで`;
    const head =
      account.direction === 'incoming' ? `${tool}：${who(account, 'ja')}が、このパソコンに接続しました（${when}）。` : `${tool}：このパソコンから${who(account, 'ja')}に接続しました（${when}）。`;
    const approval = account.direction === 'incoming' ? APPROVAL_TEXT[account.approval].ja : '';
    const moved = !filesMoved ? '' : files.length > 0 ? `ファイルのやりとりがありました：${files.join('、')}。` : 'ファイルのやりとりがありました。';
    return `${head}${approval}${moved}`;
  }
  const when = start === undefined ? 'at a time not recorded' : end === undefined ? `from ${start} (end not recorded)` : `from ${start} until ${end}`;
  const head = account.direction === 'incoming' ? `${tool}: ${who(account, 'en')} connected to this PC ${when}.` : `${tool}: this PC connected to ${who(account, 'en')} ${when}.`;
  const approval = account.direction === 'incoming' ? ` ${APPROVAL_TEXT[account.approval].en}` : '';
  const moved = !filesMoved ? '' : files.length > 0 ? ` Files were moved: ${files.join(', ')}.` : ' Files were moved.';
  return `${head}${approval}${moved}`;
}
