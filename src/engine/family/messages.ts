/**
 * Short alert messages in the contact's language: what happened, when, and what to do. Only
 * the page title, brand and phone number are ever quoted from the page.
 */
import { assertNever } from '../../shared/result.js';
import { describeSession } from '../remote/live/session-account.js';
import type { AlertEvent } from './alert-event.js';
import type { AlertLanguage } from './contacts.js';
import { cleanLine, cleanPhone } from './sanitize.js';

/** A composed message. */
export interface ComposedAlert {
  readonly subject: string;
  readonly text: string;
}

/** Context that is the same for every message from this PC. */
export interface ComposeContext {
  /** How the family knows this PC, e.g. "Mother's PC". */
  readonly deviceName?: string;
  /** IANA time zone for the times shown; default: the system's. */
  readonly timeZone?: string;
}

const TITLE_MAX = 100;
const NAME_MAX = 40;

/** Formats an ISO time for people, in the contact's language. */
export function formatWhen(iso: string, language: AlertLanguage, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return cleanLine(iso, 40);
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const style = language === 'ja' ? 'long' : 'medium';
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short', ...(timeZone !== undefined ? { timeZone } : {}) }).format(date);
}

/** Builds the subject and body for one event in one language. */
export function composeAlert(event: AlertEvent, language: AlertLanguage, context: ComposeContext = {}): ComposedAlert {
  const format = (iso: string): string => formatWhen(iso, language, context.timeZone);
  const device = context.deviceName !== undefined ? cleanLine(context.deviceName, NAME_MAX) : undefined;
  const body = language === 'ja' ? japanese(event, format, device, context.timeZone) : english(event, format, device, context.timeZone);
  const footer =
    language === 'ja'
      ? 'このお知らせには画面の写真やパスワード、ページの内容は含まれていません。— ScareStop'
      : 'This alert never contains screenshots, passwords or page contents. — ScareStop';
  return { subject: `[ScareStop] ${body.subject}`, text: [...body.lines, '', footer].join('\n') };
}

interface Body {
  readonly subject: string;
  readonly lines: readonly string[];
}

function japanese(event: AlertEvent, format: (iso: string) => string, device: string | undefined, timeZone: string | undefined): Body {
  const when = format(event.at);
  const pc = device !== undefined ? `「${device}」` : 'パソコン';
  switch (event.kind) {
    case 'scam-page': {
      const lines = [`${pc}に偽の警告画面（サポート詐欺）が表示されました。`, `日時: ${when}`];
      if (event.title !== undefined) lines.push(`画面のタイトル: 「${cleanLine(event.title, TITLE_MAX)}」`);
      if (event.brand !== undefined) lines.push(`なりすまし: ${cleanLine(event.brand, NAME_MAX)}`);
      if (event.phone !== undefined) {
        const known = event.phone.known ? '（既知の詐欺番号）' : '';
        lines.push(`画面の電話番号: ${cleanPhone(event.phone.display)}${known} — この番号には絶対に電話しないでください。`);
      }
      if (event.closed === true) lines.push('ScareStop が画面を閉じました。');
      lines.push('', '本人に電話して、画面の番号に電話していないか、誰かにパソコンを操作させていないか確認してください。');
      return { subject: '偽の警告画面を検出しました', lines };
    }
    case 'remote-tool': {
      const tool = cleanLine(event.tool, NAME_MAX);
      const what = { started: 'が起動しました', installed: 'がインストールされました', connected: 'で誰かが接続しています', paused: 'が起動したため、一時停止しました', ended: 'の接続が終わりました' }[event.action];
      return {
        subject: `遠隔操作ソフト ${tool} ${what}`,
        lines: [
          `${pc}で遠隔操作ソフト ${tool} ${what}。`,
          `日時: ${when}`,
          ...(event.session !== undefined ? [cleanLine(describeSession(event.session, 'ja', timeZone), 600)] : []),
          ...(event.action === 'paused' ? ['詐欺の画面が出た直後だったため、ScareStop が止めています。本人が「終了する」か「知っている人」を選ぶまで動きません。'] : []),
          '',
          '詐欺の電話で入れさせられた可能性があります。本人に電話して確認し、必要ならインターネットを切るよう伝えてください。',
        ],
      };
    }
    case 'wizard-started':
      return {
        subject: '回復の手順が始まりました',
        lines: [`${pc}で ScareStop の回復手順（詐欺被害のあとの対処）が始まりました。`, `日時: ${when}`, '', '本人に電話して、落ち着いて一緒に進めてください。'],
      };
    case 'guard-stopped': {
      const lines = [`${pc}の ScareStop が予期せず停止していました（次の起動で検出）。`, `検出日時: ${when}`];
      if (event.lastSeenAt !== undefined) lines.push(`最後に動作を確認した日時: ${format(event.lastSeenAt)}`);
      lines.push('', '誰かが保護を止めた可能性もあります。本人に確認してください。');
      return { subject: '保護が予期せず停止していました', lines };
    }
    default:
      return assertNever(event, 'alert event');
  }
}

function english(event: AlertEvent, format: (iso: string) => string, device: string | undefined, timeZone: string | undefined): Body {
  const when = format(event.at);
  const pc = device !== undefined ? `"${device}"` : 'the PC';
  switch (event.kind) {
    case 'scam-page': {
      const lines = [`A fake virus warning (tech-support scam) appeared on ${pc}.`, `When: ${when}`];
      if (event.title !== undefined) lines.push(`Window title: "${cleanLine(event.title, TITLE_MAX)}"`);
      if (event.brand !== undefined) lines.push(`Pretending to be: ${cleanLine(event.brand, NAME_MAX)}`);
      if (event.phone !== undefined) {
        const known = event.phone.known ? ' (a known scam number)' : '';
        lines.push(`Phone number shown: ${cleanPhone(event.phone.display)}${known} — do not call it.`);
      }
      if (event.closed === true) lines.push('ScareStop closed the page.');
      lines.push('', 'Please call them: check that they did not call the number or let anyone control the PC.');
      return { subject: 'Fake warning screen detected', lines };
    }
    case 'remote-tool': {
      const tool = cleanLine(event.tool, NAME_MAX);
      const what = { started: 'was started', installed: 'was installed', connected: 'has someone connected', paused: 'was started and ScareStop paused it', ended: 'session ended' }[event.action];
      return {
        subject: `Remote-access tool ${tool} ${what}`,
        lines: [
          `Remote-access tool ${tool} ${what} on ${pc}.`,
          `When: ${when}`,
          ...(event.session !== undefined ? [cleanLine(describeSession(event.session, 'en', timeZone), 600)] : []),
          ...(event.action === 'paused' ? ['It started right after a scam page, so ScareStop holds it until they choose "End it" or "This is someone I know".'] : []),
          '',
          'A scam caller may have asked for it. Please call them, and if needed tell them to disconnect from the internet.',
        ],
      };
    }
    case 'wizard-started':
      return {
        subject: 'Recovery steps started',
        lines: [`The ScareStop recovery steps (after a possible scam) were started on ${pc}.`, `When: ${when}`, '', 'Please call them and go through it together, calmly.'],
      };
    case 'guard-stopped': {
      const lines = [`ScareStop on ${pc} had stopped unexpectedly (noticed at its next start).`, `Noticed: ${when}`];
      if (event.lastSeenAt !== undefined) lines.push(`Last seen running: ${format(event.lastSeenAt)}`);
      lines.push('', 'Someone may have switched the protection off. Please check with them.');
      return { subject: 'Protection stopped unexpectedly', lines };
    }
    default:
      return assertNever(event, 'alert event');
  }
}

/** The message `scarestop family test` sends, so the family knows what alerts will look like. */
export function composeTestMessage(language: AlertLanguage, context: ComposeContext = {}, at = new Date().toISOString()): ComposedAlert {
  const when = formatWhen(at, language, context.timeZone);
  const device = context.deviceName !== undefined ? cleanLine(context.deviceName, NAME_MAX) : undefined;
  return language === 'ja'
    ? {
        subject: '[ScareStop] テスト送信',
        text: [`これは${device !== undefined ? `「${device}」の` : ''} ScareStop からのテストメッセージです。`, `日時: ${when}`, '', '偽の警告画面や遠隔操作ソフトを見つけたときは、このようにお知らせします。'].join('\n'),
      }
    : {
        subject: '[ScareStop] Test message',
        text: [`This is a test message from ScareStop${device !== undefined ? ` on "${device}"` : ''}.`, `When: ${when}`, '', 'If it finds a fake warning screen or a remote-access tool, it will tell you like this.'].join('\n'),
      };
}
