/**
 * The recovery wizard in a terminal, for a helper sitting at the PC: one screen per question
 * or step, plain words, numbered choices. Every answer and result is saved before the next
 * screen, so `q`, Ctrl+C, a closed window or a crash lose nothing: run it again to continue.
 */
import { cleanHostileText } from '../../shared/hostile-text.js';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  actionLabel,
  adminNote,
  choiceLabel,
  openItems,
  questionLabel,
  statusLabel,
  stepExplanation,
  stepLabel,
  adviceLabel,
  type AdviceId,
  type CleanupWizard,
  type Lang,
  type WizardView,
} from '../../engine/cleanup/index.js';
import { writeLine } from '../io.js';

const words = {
  ja: {
    choose: '番号を入力してください',
    chooseMany: '当てはまる番号をスペース区切りで入力してください',
    stepMenu: '[Enter] 実行する   [m] 自分でやった   [s] あとで   [q] 中断',
    adminMenu: '[a] 管理者として実行   [m] 自分でやった   [s] あとで   [q] 中断',
    retryMenu: '[Enter] もう一度   [m] 自分でやった   [s] あとで   [q] 中断',
    adviceAsk: 'もう済んだものの番号を入力（なければ Enter）',
    continue: '[Enter] 次へ   [q] 中断',
    interrupted: '前回はこの手順の途中で止まりました。続きから行います。',
    saved: '保存しました。続きは「scarestop cleanup」をもう一度実行してください。',
    finished: 'すべての手順が終わりました。',
    open: 'これからすること：',
    report: '記録を保存するには：scarestop report --incident',
    invalid: 'もう一度入力してください。',
  },
  en: {
    choose: 'Type a number',
    chooseMany: 'Type the numbers that apply, separated by spaces',
    stepMenu: '[Enter] do it   [m] I did it myself   [s] later   [q] stop for now',
    adminMenu: '[a] run as administrator   [m] I did it myself   [s] later   [q] stop for now',
    retryMenu: '[Enter] try again   [m] I did it myself   [s] later   [q] stop for now',
    adviceAsk: 'Type the numbers you have already done (or just Enter)',
    continue: '[Enter] next   [q] stop for now',
    interrupted: 'Last time this step stopped in the middle. It continues where it stopped.',
    saved: 'Saved. Run "scarestop cleanup" again to continue.',
    finished: 'All steps are finished.',
    open: 'Still to do:',
    report: 'To keep a record: scarestop report --incident',
    invalid: 'Please try again.',
  },
} as const;

/**
 * File names and page text can carry terminal escape sequences or bidi overrides: the shared
 * cleaner removes them so nothing from a scammer can move the cursor, recolour or rewrite the screen.
 */
export function printable(line: string): string {
  return cleanHostileText(line, { limit: 4_000, lines: true, ellipsis: true });
}

/** Runs the wizard until it is finished, the user stops, or input ends. Returns the exit status. */
export async function runTerminalWizard(wizard: CleanupWizard, io: { stdin: Readable; stdout: Writable }, lang: Lang): Promise<number> {
  const w = words[lang];
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const out = (line = '') => writeLine(io.stdout, printable(line));
  const ask = async (prompt: string): Promise<string | undefined> => {
    io.stdout.write(`${prompt}\n> `);
    const next = await lines.next();
    return next.done === true ? undefined : String(next.value).trim();
  };
  const stop = () => {
    out(w.saved);
    rl.close();
    return 0;
  };

  // One screen per question or step: clear the terminal between them (not when piped).
  const isTerminal = (io.stdout as Writable & { isTTY?: boolean }).isTTY === true;
  const phones = [...new Set(wizard.state.context.detections.flatMap((detection) => detection.phones))].slice(0, 3);
  let view: WizardView = wizard.view();
  for (;;) {
    if (isTerminal) io.stdout.write('\u001b[2J\u001b[H');
    out();
    if (view.kind === 'finished') {
      out(`== ${w.finished} ==`);
      const open = openItems(view.state);
      if (open.length > 0) {
        out(w.open);
        for (const item of open) out(`  ☐ ${item.kind === 'advice' ? adviceLabel(item.id, lang) : `${stepLabel(item.step, lang)} (${statusLabel(item.status, lang)})`}`);
      }
      out(`${w.report} ${wizard.incidentId}`);
      rl.close();
      return 0;
    }
    if (view.kind === 'question') {
      const { question } = view;
      out(`(${view.number}/${view.total}) ${questionLabel(question.id, lang)}`);
      if (question.id === 'calledNumber' && phones.length > 0) out(`   ☎ ${phones.join(', ')}`);
      question.choices.forEach((choice, index) => out(`  ${index + 1}. ${choiceLabel(choice, lang)}`));
      const line = await ask(question.type === 'multi' ? w.chooseMany : w.choose);
      if (line === undefined || line === 'q') return stop();
      const picked = line.split(/[\s,]+/u).map((part) => question.choices[Number(part) - 1]);
      if (picked.length === 0 || picked.some((choice) => choice === undefined)) {
        out(w.invalid);
        continue;
      }
      const value = question.type === 'multi' ? (picked as string[]) : (picked[0] as string);
      const answered = wizard.answer(question.id, value);
      if (!answered.ok) out(`${w.invalid} ${answered.error.message}`);
      view = wizard.view();
      continue;
    }

    const { step, record } = view;
    out(`== (${view.number}/${view.total}) ${stepLabel(step, lang)} ==`);
    out(stepExplanation(step, lang));
    if (view.interrupted) out(`! ${w.interrupted}`);
    const note = adminNote(step, lang);
    if (note !== undefined) out(`(${note})`);
    step.actions.forEach((action, index) => {
      const result = record.results[String(index)];
      out(`  ${step.kind === 'accounts' ? `${index + 1}. ☐` : '-'} ${actionLabel(action, lang)}${result === undefined ? '' : `  [${result.status}]`}`);
    });
    if (record.status === 'failed' || record.status === 'needs-admin') out(`→ ${statusLabel(record.status, lang)}${record.detail === undefined ? '' : `: ${record.detail}`}`);

    const progress = { onAction: (action: Parameters<typeof actionLabel>[0], result?: { status: string; detail?: string }) => out(result === undefined ? `  … ${actionLabel(action, lang)}` : `    ${result.status}${result.detail === undefined ? '' : `: ${result.detail}`}`) };
    if (step.kind === 'accounts') {
      const line = await ask(w.adviceAsk);
      if (line === undefined || line === 'q') return stop();
      const checked = line === '' ? [] : line.split(/[\s,]+/u).map((part) => step.actions[Number(part) - 1]).flatMap((action) => (action?.kind === 'advice' ? [action.id as AdviceId] : []));
      view = await wizard.runStep({ elevate: false, checked, ...progress });
      continue;
    }
    if (step.kind === 'help') {
      const line = await ask(w.continue);
      if (line === undefined || line === 'q') return stop();
      view = await wizard.runStep({ elevate: false, ...progress });
      continue;
    }
    const menu = record.status === 'needs-admin' || (step.admin === 'required' && record.status === 'pending') ? w.adminMenu : record.status === 'failed' ? w.retryMenu : w.stepMenu;
    const line = await ask(menu);
    if (line === undefined || line === 'q') return stop();
    if (line === 's') view = wizard.skipStep();
    else if (line === 'm') view = await wizard.confirmManual();
    else view = await wizard.runStep({ elevate: line === 'a', ...progress });
  }
}
