/**
 * The recovery wizard as a state machine over the incident store. Every change (an answer, a
 * step starting, each action's result, a step's outcome) is saved with its timeline events in
 * one transaction before the method returns, so after a crash, a reboot or a closed window
 * `CleanupWizard.start()` resumes exactly where it stopped and no event is lost or doubled.
 *
 * Used the same way by the CLI (`scarestop cleanup`) and the Electron UI:
 *   const wizard = CleanupWizard.start({ store, actions, clock, rescan }, { findings, region, helpContacts });
 *   wizard.view()                       // what to show now: a question, a step, or finished
 *   wizard.answer('paid', ['card'])     // questions, one per screen
 *   await wizard.runStep({ elevate })   // do the current step (elevate = the user allowed UAC)
 *   await wizard.confirmManual()        // "I did it myself" (unplugged the cable…), verified
 *   wizard.skipStep()                   // leave it open for later (shows in the report)
 */
import type { IncidentId, TimelineEvent, TimelinePayload } from '../ports/store.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { WizardDeps, WizardStartOptions, WizardView } from './wizard-types.js';
import { executeAction, isManualAction } from './execute.js';
import { buildPlan } from './plan.js';
import { applyAnswer, nextQuestion, questionsFor, type AnswerValue } from './questions.js';
import type { ActionRecord, AdviceId, PlanAction, PlanStep, QuestionId, StepRecord, StepStatus, WizardState } from './types.js';

export type { WizardDeps, WizardStartOptions, WizardView } from './wizard-types.js';

const DAY = 24 * 60 * 60 * 1000;
const pending: StepRecord = { status: 'pending', attempts: 0, results: {} };

/** Parses saved state; undefined when it is not a state this version can resume. */
function asState(value: unknown): WizardState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Partial<WizardState>;
  return state.version === 2 && typeof state.incidentId === 'string' && typeof state.phase === 'string' ? (state as WizardState) : undefined;
}

/** The recovery wizard. */
export class CleanupWizard {
  private constructor(
    private readonly deps: WizardDeps,
    private current: WizardState,
    private seq: number,
    private readonly startOptions: WizardStartOptions,
  ) {}

  /** Resumes the saved wizard of the incident, or starts a new one (saved before returning). */
  static start(deps: WizardDeps, options: WizardStartOptions): CleanupWizard {
    const { store, clock } = deps;
    const now = clock.now();
    let incident = options.incidentId === undefined ? store.latestOpenIncident() : store.getIncident(options.incidentId);
    if (options.incidentId !== undefined && incident === undefined) throw new Error(`No incident ${options.incidentId}`);
    if (incident === undefined) incident = store.createIncident({ openedAt: now, title: 'Recovery after a scam' });
    const saved = store.loadWizard(incident.id);
    const resumed = saved === undefined ? undefined : asState(saved.state);
    if (saved !== undefined && resumed !== undefined) return new CleanupWizard(deps, resumed, saved.seq, options);

    const since = now - (options.detectionWindowMs ?? DAY);
    const seen = new Map<string, TimelineEvent>();
    for (const event of [...store.timeline(incident.id), ...store.eventsSince(since, ['detection'])]) {
      if (event.payload.kind === 'detection') seen.set(event.id, event);
    }
    const detections = [...seen.values()].slice(-5).flatMap((event) =>
      event.payload.kind === 'detection' ? [{ title: event.payload.title, ...(event.payload.brand === undefined ? {} : { brand: event.payload.brand }), phones: event.payload.phones }] : [],
    );
    const context = { region: options.region, detections, findings: options.findings };
    // The urgent steps need no answers: the plan exists from the first screen on.
    const plan = buildPlan({ context, answers: {}, helpContacts: options.helpContacts, now, ...(options.hints === undefined ? {} : { hints: options.hints }) });
    const stepIndex = Math.max(0, plan.steps.findIndex((step) => step.id === options.startAt));
    const state: WizardState = { version: 2, incidentId: incident.id, phase: 'steps', answers: {}, context, plan, stepIndex, steps: {}, startedAt: now };
    const wizard = new CleanupWizard(deps, state, saved?.seq ?? 0, options);
    // Finding events get ids from the tool, so a wizard started twice records each tool once.
    const findings: TimelineEvent[] = options.findings.map((finding) => ({
      id: `${incident.id}:finding:${finding.toolId}`,
      incidentId: incident.id,
      at: now,
      payload: { kind: 'finding', finding },
    }));
    wizard.commit(state, [{ kind: 'step', step: 'wizard', status: 'started' }], findings);
    return wizard;
  }

  get state(): WizardState {
    return this.current;
  }

  get incidentId(): IncidentId {
    return this.current.incidentId;
  }

  /** What to show now. */
  view(): WizardView {
    const state = this.current;
    const step = this.currentStep();
    const question = step?.kind === 'questions' && state.phase === 'steps' ? nextQuestion(state.answers) : undefined;
    if (question !== undefined) {
      const asked = questionsFor(state.answers);
      return { kind: 'question', question, number: asked.indexOf(question) + 1, total: asked.length };
    }
    if (state.phase === 'finished' || step === undefined) return { kind: 'finished', state };
    const record = state.steps[step.id] ?? pending;
    return { kind: 'step', step, record, number: state.stepIndex + 1, total: state.plan?.steps.length ?? 0, interrupted: record.status === 'running' };
  }

  /** Records an answer; after the last one the plan is built and the steps begin. */
  answer(id: QuestionId, value: AnswerValue): Result<WizardView, { code: 'invalid-answer' | 'not-asking'; message: string }> {
    const shown = this.view();
    if (shown.kind !== 'question' || shown.question.id !== id) return err({ code: 'not-asking', message: 'That question is not being asked now.' });
    const applied = applyAnswer(this.current.answers, id, value);
    if (!applied.ok) return err({ code: 'invalid-answer', message: applied.message });
    let next: WizardState = { ...this.current, answers: applied.answers };
    const events: TimelinePayload[] = [{ kind: 'answer', question: id, answer: applied.answers[id] ?? '' }];
    const plan = next.plan;
    if (nextQuestion(applied.answers) === undefined && plan !== undefined) {
      // The steps done so far stay as they were; the rest is planned again with the answers.
      const rebuilt = buildPlan({ context: next.context, answers: next.answers, helpContacts: this.startOptions.helpContacts, now: this.deps.clock.now(), ...(this.startOptions.hints === undefined ? {} : { hints: this.startOptions.hints }) });
      const asked = rebuilt.steps.findIndex((step) => step.kind === 'questions');
      const steps = [...plan.steps.slice(0, next.stepIndex), ...rebuilt.steps.slice(asked)];
      const record: StepRecord = { status: 'done', attempts: 1, results: {}, verification: 'unchecked' };
      next = { ...next, plan: { ...plan, steps }, steps: { ...next.steps, questions: record }, stepIndex: next.stepIndex + 1 };
      events.push({ kind: 'step', step: 'questions', status: 'done' });
    }
    this.commit(next, events);
    return ok(this.view());
  }

  /**
   * Does the current step: runs each automatic action that has not succeeded yet, saving each
   * result as it comes. Advances when the step is done; stays on it when it failed or needs
   * admin rights (the view says which). `checked` ticks off advice on the accounts step.
   * A step with nothing automatic (hang up, close the browser) counts as done by the person.
   */
  async runStep(options: {
    readonly elevate: boolean;
    readonly checked?: readonly AdviceId[];
    /** Called before each action runs and after its result is saved (for progress lines). */
    readonly onAction?: (action: PlanAction, result?: ActionRecord) => void;
  }): Promise<WizardView> {
    const step = this.currentStep();
    if (step === undefined || this.current.phase !== 'steps' || step.kind === 'questions') return this.view();
    if (!step.actions.some((action) => !isManualAction(action)) && step.kind !== 'accounts' && step.kind !== 'help') return this.confirmManual();
    const before = this.current.steps[step.id] ?? pending;
    let record: StepRecord = { ...before, status: 'running', attempts: before.attempts + 1 };
    this.commitStep(step, record, [{ kind: 'step', step: step.id, status: 'started', ...(options.elevate ? { detail: 'with administrator rights' } : {}) }]);

    for (const [index, action] of step.actions.entries()) {
      const previous = record.results[index];
      // A check runs every time: what it checks may have changed since.
      const check = action.kind === 'check-stopped' || action.kind === 'rescan';
      if (!check && previous !== undefined && (previous.status === 'done' || previous.status === 'not-needed')) continue;
      if (isManualAction(action)) continue;
      options.onAction?.(action);
      const executed = await this.execute(action, options.elevate);
      record = { ...record, results: { ...record.results, [index]: executed.record } };
      const network = executed.network ?? this.current.network;
      this.commitStep(step, record, [{ kind: 'action', action: action.kind, status: executed.record.status, ...(executed.record.detail === undefined ? {} : { detail: executed.record.detail }) }], network);
      options.onAction?.(action, executed.record);
    }
    const status = outcomeOf(step, record);
    const results = Object.values(record.results);
    const detail = results.find((result) => result.status === status)?.detail;
    const stillRunning = results.flatMap((result) => result.stillRunning ?? []);
    const { stillRunning: _old, ...rest } = record;
    record = {
      ...rest,
      status,
      verification: 'checked',
      ...(detail === undefined ? {} : { detail }),
      ...(stillRunning.length === 0 ? {} : { stillRunning: [...new Set(stillRunning)] }),
      ...(options.checked === undefined ? {} : { checked: [...options.checked] }),
    };
    if (step.kind === 'accounts') record = { ...record, status: (record.checked?.length ?? 0) >= step.actions.length ? 'done' : 'skipped', verification: 'unchecked' };
    if (step.kind === 'help') record = { ...record, status: 'done', verification: 'unchecked' };
    this.finishStep(step, record);
    return this.view();
  }

  /**
   * "I did it myself". Whatever can be checked is checked before it is accepted: the network
   * for disconnect/reconnect, a fresh scan for sessions and removal (it names what still runs).
   * Hanging up and closing the browser cannot be checked, and the record says so.
   */
  async confirmManual(): Promise<WizardView> {
    const step = this.currentStep();
    if (step === undefined || this.current.phase !== 'steps' || step.kind === 'questions') return this.view();
    const before = this.current.steps[step.id] ?? pending;
    const verified = await this.verifyManual(step);
    const { stillRunning: _old, ...rest } = before;
    const record: StepRecord = {
      ...rest,
      status: verified.ok ? 'done' : 'failed',
      manual: true,
      verification: verified.checked ? 'checked' : 'unchecked',
      detail: verified.detail,
      ...(verified.stillRunning === undefined || verified.stillRunning.length === 0 ? {} : { stillRunning: verified.stillRunning }),
    };
    this.finishStep(step, record);
    return this.view();
  }

  /** Leaves the current step for later; it stays an open next step in the report. */
  skipStep(): WizardView {
    const step = this.currentStep();
    if (step === undefined || this.current.phase !== 'steps' || step.kind === 'questions') return this.view();
    this.finishStep(step, { ...(this.current.steps[step.id] ?? pending), status: 'skipped' });
    return this.view();
  }

  private execute(action: PlanAction, elevate: boolean) {
    return executeAction(action, {
      actions: this.deps.actions,
      elevate,
      rescan: this.deps.rescan,
      now: () => this.deps.clock.now(),
      ...(this.deps.journal === undefined ? {} : { journal: this.deps.journal }),
      ...(this.current.network === undefined ? {} : { network: this.current.network }),
    });
  }

  private async verifyManual(step: PlanStep): Promise<{ ok: boolean; checked: boolean; detail: string; stillRunning?: readonly string[] }> {
    try {
      if (step.kind === 'disconnect' || step.kind === 'reconnect') {
        const status = await this.deps.actions.networkStatus();
        const wanted = step.kind === 'reconnect';
        return status.online === wanted ? { ok: true, checked: true, detail: wanted ? 'Online again (checked).' : 'Offline (checked).' } : { ok: false, checked: true, detail: wanted ? 'Still offline.' : 'Still connected.' };
      }
      if ((step.kind === 'end-session' || step.kind === 'remove') && step.toolId !== undefined) {
        const check = await this.execute({ kind: step.kind === 'remove' ? 'rescan' : 'check-stopped', toolId: step.toolId }, false);
        return { ok: check.record.status === 'done', checked: true, detail: check.record.detail ?? '', ...(check.record.stillRunning === undefined ? {} : { stillRunning: check.record.stillRunning }) };
      }
    } catch (error) {
      // The check itself failed: accept the person's word, and say it could not be checked.
      return { ok: true, checked: false, detail: `Could not check: ${error instanceof Error ? error.message : String(error)}` };
    }
    return { ok: true, checked: false, detail: 'Done by hand (cannot be checked).' };
  }

  private currentStep(): PlanStep | undefined {
    return this.current.plan?.steps[this.current.stepIndex];
  }

  /** Saves a step's final status; moves on unless it failed or needs admin rights. */
  private finishStep(step: PlanStep, record: StepRecord): void {
    const advance = record.status === 'done' || record.status === 'skipped' || record.status === 'not-needed';
    const steps = { ...this.current.steps, [step.id]: record };
    const stepIndex = advance ? this.current.stepIndex + 1 : this.current.stepIndex;
    const finished = advance && stepIndex >= (this.current.plan?.steps.length ?? 0);
    const now = this.deps.clock.now();
    const next: WizardState = { ...this.current, steps, stepIndex, ...(finished ? { phase: 'finished', finishedAt: now } : {}) };
    const status = record.status === 'pending' || record.status === 'running' ? 'failed' : record.status;
    // The record says what was verified: the step id is for the machine, the words for people.
    const events: TimelinePayload[] = [{ kind: 'step', step: step.id, status, ...(record.detail === undefined ? {} : { detail: record.detail }) }];
    if (finished) events.push({ kind: 'step', step: 'wizard', status: 'done' });
    this.commit(next, events);
    if (finished) this.deps.store.closeIncident(this.incidentId, now);
  }

  private commitStep(step: PlanStep, record: StepRecord, events: TimelinePayload[], network?: WizardState['network']): void {
    this.commit({ ...this.current, steps: { ...this.current.steps, [step.id]: record }, ...(network === undefined ? {} : { network }) }, events);
  }

  /** Saves state and events atomically; event ids come from the save's sequence number. */
  private commit(next: WizardState, payloads: readonly TimelinePayload[], extra: readonly TimelineEvent[] = []): void {
    const at = this.deps.clock.now();
    const events: TimelineEvent[] = [
      ...extra,
      ...payloads.map((payload, index) => ({ id: `${next.incidentId}:w${this.seq + 1}:${index}`, incidentId: next.incidentId, at, payload })),
    ];
    const saved = this.deps.store.saveWizard(next.incidentId, this.seq, next, events, at);
    if (!saved.ok) throw new Error(`${saved.error.message} Reopen the wizard to continue.`);
    this.seq = saved.value.seq;
    this.current = next;
  }
}

/** A step's status from its actions' results. */
function outcomeOf(step: PlanStep, record: StepRecord): StepStatus {
  const results = step.actions.map((action, index) => (isManualAction(action) ? undefined : record.results[index]));
  if (results.some((result) => result?.status === 'needs-admin')) return 'needs-admin';
  if (results.some((result) => result?.status === 'failed')) return 'failed';
  const ran = results.filter((result) => result !== undefined);
  if (ran.length > 0 && ran.every((result) => result?.status === 'not-needed')) return 'not-needed';
  return 'done';
}
