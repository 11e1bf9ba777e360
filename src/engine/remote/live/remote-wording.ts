/**
 * The live remote watch's recorded events in plain words (ja/en), for History, the report and
 * `scarestop watch`. Tool names come from the catalog; remote names from the caller (bounded).
 */
import type { TimelineEvent, TimelinePayload } from '../../ports/store.js';
import { toDisplayText } from '../../../shared/display-text.js';
import type { PauseReason } from '../../../shared/remote-live.js';
import { describeSession, type AccountLanguage } from './session-account.js';

/** A `remote` timeline payload. */
export type RemotePayload = Extract<TimelinePayload, { kind: 'remote' }>;

const REASONS: Readonly<Record<PauseReason, Readonly<Record<AccountLanguage, string>>>> = {
  'scam-page': { en: 'a fake warning page was on the screen shortly before', ja: '少し前に偽の警告画面が表示されていたため' },
  'open-incident': { en: 'the recovery from a scam is not finished yet', ja: '詐欺からの回復がまだ終わっていないため' },
  'on-the-phone': { en: 'you said a caller asked you to install it', ja: '電話の相手に入れるよう言われた、とあなたが答えたため' },
  'always-ask': { en: 'you asked to be asked before anyone connects', ja: '「接続の前に必ず確認する」を選んでいるため' },
};

const isReason = (code: string | undefined): code is PauseReason => code !== undefined && Object.hasOwn(REASONS, code);

/** One recorded remote event in plain words. */
export function describeRemoteEvent(payload: RemotePayload, language: AccountLanguage, timeZone?: string): string {
  const tool = toDisplayText(payload.tool, 80);
  const ja = language === 'ja';
  switch (payload.event) {
    case 'started':
      if (payload.code === 'known-helper') return ja ? `${tool} が起動しました（あなたが「知っている人」と答えたソフトです）。` : `${tool} started (a tool you said belongs to someone you know).`;
      return ja ? `${tool} が起動しました。` : `${tool} started.`;
    case 'connected':
      if (payload.session !== undefined) return describeSession(payload.session, language, timeZone);
      return ja ? `${tool} がインターネットで外部と接続しました。` : `${tool} opened a connection to another computer.`;
    case 'paused': {
      const why = isReason(payload.code) ? REASONS[payload.code][language] : undefined;
      if (ja) return `ScareStop が ${tool} を一時停止しました${why !== undefined ? `（${why}）` : ''}。`;
      return `ScareStop paused ${tool}${why !== undefined ? ` because ${why}` : ''}.`;
    }
    case 'resumed':
      return ja ? `「知っている人」と答えたので、${tool} を再開しました。` : `You said this is someone you know, so ${tool} runs again.`;
    case 'ended':
      if (payload.session !== undefined) return describeSession(payload.session, language, timeZone);
      if (payload.code === 'ended-by-person') return ja ? `「終了する」を選んだので、${tool} を終了しました。` : `You chose "End it", so ${tool} was ended.`;
      return ja ? `${tool} が終了しました。` : `${tool} closed.`;
  }
}

/**
 * How the person answered ScareStop about this tool in this incident (the other half of "how it
 * was approved"): paused and then "This is someone I know", or "End it"; undefined when never
 * paused.
 */
export function personAnswer(timeline: readonly TimelineEvent[], toolId: string, language: AccountLanguage): string | undefined {
  let answer: 'known' | 'ended' | 'paused' | undefined;
  for (const event of timeline) {
    const payload = event.payload;
    if (payload.kind !== 'remote' || payload.toolId !== toolId) continue;
    if (payload.event === 'paused' && answer === undefined) answer = 'paused';
    if (payload.event === 'resumed') answer = 'known';
    if (payload.event === 'ended' && payload.code === 'ended-by-person') answer = 'ended';
  }
  const ja = language === 'ja';
  switch (answer) {
    case 'known':
      return ja ? 'スケアストップが止めたあと、あなたが「知っている人です」と答えて、再開しました。' : 'ScareStop paused it; you said this is someone you know, so it ran again.';
    case 'ended':
      return ja ? 'スケアストップが止めたあと、あなたが「終了する」を選びました。' : 'ScareStop paused it, and you chose "End it".';
    case 'paused':
      return ja ? 'スケアストップが止めました（まだ答えていません）。' : 'ScareStop paused it (no answer yet).';
    case undefined:
      return undefined;
  }
}
