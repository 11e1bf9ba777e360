/**
 * What to tell the user when the record could not be opened normally, in plain words (ja/en).
 * The front doors (CLI, app) show these; the storage layer only says what happened.
 */
import type { StoreOpenReport, StoreReadOnlyReason } from '../ports/store.js';

/** Languages of these notices. */
export type NoticeLang = 'ja' | 'en';

const why: Readonly<Record<StoreReadOnlyReason, { readonly ja: string; readonly en: string }>> = {
  'no-space': {
    ja: 'パソコンの保存場所（ディスク）がいっぱいです。',
    en: 'The computer’s disk is full.',
  },
  'cannot-write': {
    ja: '記録を保存する場所に書き込めません（書き込み禁止になっているか、権限がありません）。',
    en: 'The folder that holds the record cannot be written to (it is read-only or not yours).',
  },
  busy: {
    ja: '別のプログラムが記録を使っていて、書き込めませんでした。',
    en: 'Another program is using the record, so it could not be written.',
  },
  'newer-version': {
    ja: 'この記録は新しい版の ScareStop で作られています。壊さないように、この版では書き込みません。ScareStop を最新にしてください。',
    en: 'This record was made by a newer ScareStop. To keep it safe, this version will not write to it. Please update ScareStop.',
  },
  'no-version-table': {
    ja: '記録の形式を確かめられませんでした。壊さないように、書き込みません。',
    en: 'The record’s format could not be confirmed. To keep it safe, nothing will be written to it.',
  },
};

const kept = {
  ja: '記録はそのまま残っています。今は見ることだけができ、新しいことは保存されません。',
  en: 'Your record is safe and unchanged. For now it can be read, but nothing new is saved.',
};

/** A notice for a store that did not open normally; undefined when there is nothing to say. */
export function storeNotice(report: StoreOpenReport, lang: NoticeLang): string | undefined {
  if (report.kind === 'read-only') return `${why[report.reason][lang]}${lang === 'ja' ? '' : ' '}${kept[lang]}`;
  if (report.kind !== 'recovered') return undefined;
  const rows = Object.values(report.salvaged ?? {}).reduce((sum, n) => sum + n, 0);
  if (lang === 'ja') {
    const saved = rows > 0 ? `読み取れた ${rows} 件は新しい記録に移しました。` : '読み取れる内容はありませんでした。';
    return `記録のファイルが壊れていました。${saved}壊れたファイルも消さずに残しています（${report.movedTo}）。`;
  }
  const saved = rows > 0 ? `The ${rows} entries that could still be read were moved into a new record.` : 'Nothing in it could be read.';
  return `The record file was damaged and could not be read (${report.reason}). ${saved} The damaged file is kept as ${report.movedTo}.`;
}

/** When the record cannot be opened at all (nothing was changed). */
export function storeUnavailableText(reason: StoreReadOnlyReason | 'corrupt' | 'io-error', lang: NoticeLang): string {
  const cause = reason === 'corrupt' || reason === 'io-error' ? why['cannot-write'][lang] : why[reason][lang];
  return lang === 'ja'
    ? `${cause}記録を開けませんでした。何も消したり動かしたりしていません。空きを作るか、しばらくしてからもう一度お試しください。`
    : `${cause} The record could not be opened. Nothing was deleted or moved. Free some space or try again in a little while.`;
}

/** When a change could not be saved because the record is read-only right now. */
export function storeWriteRefusedText(lang: NoticeLang): string {
  return lang === 'ja'
    ? '今は記録に書き込めないため、保存できませんでした。記録はそのまま残っています。'
    : 'This could not be saved because the record cannot be written right now. Your record is unchanged.';
}
