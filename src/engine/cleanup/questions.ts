/** The wizard's plain questions, in order, and the validation of their answers. */
import type { Answers, Payment, QuestionId, Secret, YesNo } from './types.js';

/** A question: one choice, or several. */
export type Question =
  | { readonly id: 'calledNumber' | 'remoteControl' | 'openedAttachment'; readonly type: 'yes-no'; readonly choices: readonly YesNo[] }
  | { readonly id: 'paid'; readonly type: 'multi'; readonly choices: readonly Payment[] }
  | { readonly id: 'typedSecrets'; readonly type: 'multi'; readonly choices: readonly Secret[] };

const yesNo: readonly YesNo[] = ['yes', 'no', 'unsure'];

/** Asked in this order. */
export const questions: readonly Question[] = [
  { id: 'calledNumber', type: 'yes-no', choices: yesNo },
  { id: 'remoteControl', type: 'yes-no', choices: yesNo },
  { id: 'paid', type: 'multi', choices: ['gift-card', 'card', 'bank-transfer', 'e-money', 'none'] },
  { id: 'typedSecrets', type: 'multi', choices: ['passwords', 'card', 'bank', 'none'] },
  { id: 'openedAttachment', type: 'yes-no', choices: yesNo },
];

/** An answer value as the UI sends it. */
export type AnswerValue = string | readonly string[];

/** Checks an answer and returns the updated answers, or a message. */
export function applyAnswer(answers: Answers, id: QuestionId, value: AnswerValue): { ok: true; answers: Answers } | { ok: false; message: string } {
  const question = questions.find((q) => q.id === id);
  if (question === undefined) return { ok: false, message: `Unknown question ${String(id)}` };
  const allowed = question.choices as readonly string[];
  if (question.type === 'yes-no') {
    if (typeof value !== 'string' || !allowed.includes(value)) return { ok: false, message: `Answer one of: ${allowed.join(', ')}` };
    return { ok: true, answers: { ...answers, [id]: value } };
  }
  const list = typeof value === 'string' ? [value] : [...value];
  if (list.length === 0 || list.some((item) => !allowed.includes(item))) return { ok: false, message: `Choose from: ${allowed.join(', ')}` };
  // "none" with something else is contradictory: keep the real items.
  const unique = [...new Set(list)];
  const cleaned = unique.length > 1 ? unique.filter((item) => item !== 'none') : unique;
  return { ok: true, answers: { ...answers, [id]: cleaned } };
}

/** The first question without an answer, or undefined when all are answered. */
export function nextQuestion(answers: Answers): Question | undefined {
  return questions.find((q) => answers[q.id] === undefined);
}
