/** The wizard's plain questions, in order, and the validation of their answers. */
import type { Answers, Payment, QuestionId, Secret, YesNo } from './types.js';

/** A question: one choice, several, or a short free text (may be left empty). */
export type Question =
  | { readonly id: 'calledNumber' | 'remoteControl' | 'openedAttachment'; readonly type: 'yes-no'; readonly choices: readonly YesNo[] }
  | { readonly id: 'paid'; readonly type: 'multi'; readonly choices: readonly Payment[] }
  | { readonly id: 'typedSecrets'; readonly type: 'multi'; readonly choices: readonly Secret[] }
  | { readonly id: 'paidAmount' | 'paidWhen' | 'giftCards'; readonly type: 'text'; readonly choices: readonly [] };

const yesNo: readonly YesNo[] = ['yes', 'no', 'unsure'];
/** Longest free-text answer kept (amounts, dates, a few gift-card numbers). */
export const MAX_TEXT_ANSWER = 400;

/** Asked in this order (the payment details only when something was paid). */
export const questions: readonly Question[] = [
  { id: 'calledNumber', type: 'yes-no', choices: yesNo },
  { id: 'remoteControl', type: 'yes-no', choices: yesNo },
  { id: 'paid', type: 'multi', choices: ['gift-card', 'card', 'bank-transfer', 'e-money', 'none'] },
  { id: 'paidAmount', type: 'text', choices: [] },
  { id: 'paidWhen', type: 'text', choices: [] },
  { id: 'giftCards', type: 'text', choices: [] },
  { id: 'typedSecrets', type: 'multi', choices: ['passwords', 'card', 'bank', 'none'] },
  { id: 'openedAttachment', type: 'yes-no', choices: yesNo },
];

const paidSomething = (answers: Answers): boolean => (answers.paid ?? []).some((payment) => payment !== 'none');

/** Whether a question applies to these answers (details of a payment only after one). */
export function applies(question: Question, answers: Answers): boolean {
  if (question.id === 'paidAmount' || question.id === 'paidWhen') return paidSomething(answers);
  if (question.id === 'giftCards') return (answers.paid ?? []).includes('gift-card');
  return true;
}

/** The questions that apply to these answers, in order (for "question 3 of 6"). */
export function questionsFor(answers: Answers): Question[] {
  return questions.filter((question) => applies(question, answers));
}

/** An answer value as the UI sends it. */
export type AnswerValue = string | readonly string[];

/** Checks an answer and returns the updated answers, or a message. */
export function applyAnswer(answers: Answers, id: QuestionId, value: AnswerValue): { ok: true; answers: Answers } | { ok: false; message: string } {
  const question = questions.find((q) => q.id === id);
  if (question === undefined) return { ok: false, message: `Unknown question ${String(id)}` };
  if (question.type === 'text') {
    if (typeof value !== 'string') return { ok: false, message: 'Answer with text' };
    return { ok: true, answers: { ...answers, [id]: value.trim().slice(0, MAX_TEXT_ANSWER) } };
  }
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

/** The first question that applies and has no answer, or undefined when all are answered. */
export function nextQuestion(answers: Answers): Question | undefined {
  return questionsFor(answers).find((q) => answers[q.id] === undefined);
}
