/**
 * The recovery wizard in a terminal, for a helper sitting at the PC: one screen per question
 * or step, plain words, numbered choices. Nothing is cleared: the incident number, "please
 * type again" and every result stay on screen. Every answer and result is saved before the
 * next screen, so `q`, Ctrl+C, a closed window or a crash lose nothing: run it again to continue.
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
  recordLabel,
  resultLabel,
  skippedDisconnectWarning,
  stepExplanation,
  stepLabel,
  stillRunningLabel,
  adviceLabel,
  type ActionRecord,
  type AdviceId,
  type CleanupWizard,
  type Lang,
  type PlanAction,
  type PlanStep,
  type WizardState,
  type WizardView,
} from '../../engine/cleanup/index.js';
import { isManualAction } from '../../engine/cleanup/execute.js';
import { writeLine } from '../io.js';
import { terminalWords } from './cleanup-words.js';

/**
 * File names and page text can carry terminal escape sequences or bidi overrides: the shared
 * cleaner removes them so nothing from a scammer can move the cursor, recolour or rewrite the screen.
 */
export function printable(line: string): string {
  // Our own layout survives the cleaning: each line's indent and the full-width spaces of our
  // Japanese wording; every piece between them is cleaned as hostile text.
  return line
    .split('\n')
    .map((row) => {
      const indent = /^ {0,8}/u.exec(row)?.[0] ?? '';
      return indent + row.slice(indent.length).split('\u3000').map((part) => cleanHostileText(part, { limit: 4_000, ellipsis: true })).join('\u3000');
    })
    .join('\n');
}

/** Typed numbers as a list: full-width digits 「１」 and the separators 「、」「，」 are accepted. */
export function parseNumbers(line: string): number[] | undefined {
  const parts = line.normalize('NFKC').split(/[\s,、，・]+/u).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => !/^\d{1,2}$/u.test(part))) return undefined;
  return parts.map(Number);
}

/** What the front door does when the wizard ends (save the report, tell the family): lines to show. */
export type OnFinished = (state: WizardState) => Promise<readonly string[]>;

/** Runs the wizard until it is finished, the user stops, or input ends. Returns the exit status. */
export async function runTerminalWizard(wizard: CleanupWizard, io: { stdin: Readable; stdout: Writable }, lang: Lang, onFinished?: OnFinished): Promise<number> {
  const w = terminalWords[lang];
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const out = (line = '') => writeLine(io.stdout, printable(line));
  const ask = async (prompt: string): Promise<string | undefined> => {
    io.stdout.write(`${prompt}\n> `);
    const next = await lines.next();
    return next.done === true ? undefined : String(next.value).trim();
  };
  const isStop = (line: string | undefined): boolean => line === undefined || line.normalize('NFKC').toLowerCase() === 'q';
  const stop = () => {
    out(w.saved);
    rl.close();
    return 0;
  };
  const resultLine = (result: ActionRecord): string => {
    const running = result.stillRunning === undefined || result.stillRunning.length === 0 ? '' : `（${stillRunningLabel(result.stillRunning, lang)}）`;
    // The system's own details are English: the Japanese screen shows only its own words.
    const detail = lang === 'en' && result.detail !== undefined ? `: ${result.detail}` : '';
    return `    → ${resultLabel(result.status, lang)}${lang === 'ja' ? running : running.replace(/[（）]/gu, (bracket) => (bracket === '（' ? ' (' : ')'))}${detail}`;
  };
  /** After a step: what was verified, and a warning when the tool still runs or the internet is on. */
  const outcome = (step: PlanStep) => {
    const record = wizard.state.steps[step.id];
    if (record === undefined) return;
    out(`${w.outcome}${recordLabel(record, lang)}`);
    if (record.stillRunning !== undefined && record.stillRunning.length > 0) out(`！ ${stillRunningLabel(record.stillRunning, lang)}`);
    if (step.kind === 'disconnect' && record.status === 'skipped') out(`！ ${skippedDisconnectWarning(lang)}`);
  };

  const phones = [...new Set(wizard.state.context.detections.flatMap((detection) => detection.phones))].slice(0, 3);
  let view: WizardView = wizard.view();
  for (;;) {
    out();
    if (view.kind === 'finished') {
      const open = openItems(view.state);
      out(`== ${open.length === 0 ? w.finished : w.finishedOpen} ==`);
      if (open.length > 0) {
        out(w.open);
        for (const item of open) out(`  ☐ ${item.kind === 'advice' ? adviceLabel(item.id, lang) : `${stepLabel(item.step, lang)}${w.paren(recordLabel(view.state.steps[item.step.id], lang))}`}`);
      }
      for (const line of onFinished === undefined ? [] : await onFinished(view.state)) out(line);
      rl.close();
      return 0;
    }
    if (view.kind === 'question') {
      const { question } = view;
      out(`(${view.number}/${view.total}) ${questionLabel(question.id, lang)}`);
      if (question.id === 'calledNumber' && phones.length > 0) out(`   ☎ ${phones.join(', ')}`);
      if (question.type === 'text') {
        const line = await ask(w.typeText);
        if (line === undefined || (isStop(line) && line.length === 1)) return stop();
        const answered = wizard.answer(question.id, line);
        if (!answered.ok) out(w.invalid);
        view = wizard.view();
        continue;
      }
      question.choices.forEach((choice, index) => out(`  ${index + 1}. ${choiceLabel(choice, lang)}`));
      const line = await ask(question.type === 'multi' ? w.chooseMany : w.choose);
      if (isStop(line)) return stop();
      const numbers = parseNumbers(line ?? '');
      const picked = numbers?.map((n) => question.choices[n - 1]) ?? [];
      if (picked.length === 0 || picked.some((choice) => choice === undefined) || (question.type !== 'multi' && picked.length > 1)) {
        out(w.invalid);
        continue;
      }
      const value = question.type === 'multi' ? (picked as string[]) : (picked[0] as string);
      const answered = wizard.answer(question.id, value);
      if (!answered.ok) out(w.invalid);
      view = wizard.view();
      continue;
    }

    const { step, record } = view;
    out(`== (${view.number}/${view.total}) ${stepLabel(step, lang)} ==`);
    out(stepExplanation(step, lang));
    if (view.interrupted) out(`！ ${w.interrupted}`);
    const note = adminNote(step, lang);
    if (note !== undefined) out(w.paren(note).trim());
    step.actions.forEach((action, index) => {
      const result = record.results[String(index)];
      out(`  ${step.kind === 'accounts' ? `${index + 1}. ☐` : '-'} ${actionLabel(action, lang)}${result === undefined ? '' : `  [${resultLabel(result.status, lang)}]`}`);
    });
    if (record.status === 'failed' || record.status === 'needs-admin') out(`→ ${recordLabel(record, lang)}`);
    if (record.stillRunning !== undefined && record.stillRunning.length > 0) out(`！ ${stillRunningLabel(record.stillRunning, lang)}`);

    const progress = { onAction: (action: PlanAction, result?: ActionRecord) => out(result === undefined ? `  … ${actionLabel(action, lang)}` : resultLine(result)) };
    let line: string | undefined;
    if (step.kind === 'accounts') {
      line = await ask(w.adviceAsk);
      if (isStop(line)) return stop();
      const numbers = line === '' ? [] : parseNumbers(line ?? '');
      if (numbers === undefined) {
        out(w.invalid);
        continue;
      }
      const checked = numbers.map((n) => step.actions[n - 1]).flatMap((action) => (action?.kind === 'advice' ? [action.id as AdviceId] : []));
      view = await wizard.runStep({ elevate: false, checked, ...progress });
    } else if (step.kind === 'help') {
      line = await ask(w.continue);
      if (isStop(line)) return stop();
      view = await wizard.runStep({ elevate: false, ...progress });
    } else {
      const automatic = step.actions.some((action) => !isManualAction(action));
      const menu = !automatic ? w.manualMenu : record.status === 'needs-admin' || (step.admin === 'required' && record.status === 'pending') ? w.adminMenu : record.status === 'failed' ? w.retryMenu : w.stepMenu;
      line = await ask(menu);
      if (isStop(line)) return stop();
      const key = (line ?? '').normalize('NFKC').toLowerCase();
      if (key === 's') view = wizard.skipStep();
      else if (key === 'm' || !automatic) view = await wizard.confirmManual();
      else if (key === '' || key === 'a') view = await wizard.runStep({ elevate: key === 'a', ...progress });
      else {
        out(w.invalid);
        continue;
      }
    }
    outcome(step);
  }
}
