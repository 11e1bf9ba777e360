import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupWizard, openItems, type WizardDeps, type WizardView } from '../../../src/engine/cleanup/index.js';
import { openIncidentStore, type SqliteIncidentStore } from '../../../src/storage/index.js';
import { FakeSystem, portableAnyDesk } from './fakes.js';

let home: string;
let store: SqliteIncidentStore;
let system: FakeSystem;
let now = 1_700_000_000_000;
const clock = { now: () => now };

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-wizard-'));
  store = openIncidentStore({ dataHome: home });
  system = new FakeSystem(() => [portableAnyDesk]);
  system.running.add(4242);
  system.files.add('/home/u/Downloads/AnyDesk');
});
afterEach(() => {
  store.close();
  rmSync(home, { recursive: true, force: true });
});

const deps = (): WizardDeps => ({ store, actions: system.actions(), clock, rescan: system.rescan });
const start = () => CleanupWizard.start(deps(), { findings: [portableAnyDesk], region: 'JP', helpContacts: [] });

function answerAll(wizard: CleanupWizard): WizardView {
  wizard.answer('calledNumber', 'yes');
  wizard.answer('remoteControl', 'yes');
  wizard.answer('paid', ['gift-card']);
  wizard.answer('paidAmount', '５万円');
  wizard.answer('paidWhen', '12月5日 15時ごろ');
  wizard.answer('giftCards', 'Google Play 1234-5678-9012');
  wizard.answer('typedSecrets', ['none']);
  const last = wizard.answer('openedAttachment', 'no');
  if (!last.ok) throw new Error(last.error.message);
  return last.value;
}

const stepId = (view: WizardView) => (view.kind === 'step' ? view.step.id : view.kind === 'question' ? `question:${view.question.id}` : view.kind);

/** Hang up and close the browser (by the person), disconnect (by the app). */
async function urgentSteps(wizard: CleanupWizard): Promise<WizardView> {
  await wizard.runStep({ elevate: false }); // hang up
  await wizard.runStep({ elevate: false }); // disconnect
  return wizard.runStep({ elevate: false }); // close the browser
}

describe('recovery wizard', () => {
  it('does the urgent steps first, then asks the questions, then walks the rest of the plan', async () => {
    const wizard = start();
    expect(stepId(wizard.view())).toBe('hang-up');
    // No question is asked before the person hung up, went offline and closed the page.
    expect(wizard.answer('calledNumber', 'yes')).toMatchObject({ ok: false, error: { code: 'not-asking' } });
    const visited: string[] = [];
    let view = wizard.view();
    while (view.kind === 'step') {
      visited.push(view.step.id);
      now += 1000;
      view = await wizard.runStep({ elevate: false });
    }
    expect(visited).toEqual(['hang-up', 'disconnect', 'close-browser', 'end-session:anydesk']);
    expect(view).toMatchObject({ kind: 'question', question: { id: 'calledNumber' }, number: 1, total: 5 });
    expect(wizard.answer('paid', ['gift-card'])).toMatchObject({ ok: false, error: { code: 'not-asking' } });
    wizard.answer('calledNumber', 'yes');
    wizard.answer('remoteControl', 'yes');
    expect(wizard.answer('paid', 'bitcoin')).toMatchObject({ ok: false, error: { code: 'invalid-answer' } });
    // Paying brings the questions about the payment: 5 questions become 8.
    expect(wizard.answer('paid', ['gift-card'])).toMatchObject({ ok: true, value: { kind: 'question', question: { id: 'paidAmount' }, number: 4, total: 8 } });
    wizard.answer('paidAmount', '５万円');
    wizard.answer('paidWhen', '12月5日 15時ごろ');
    wizard.answer('giftCards', 'Google Play 1234-5678-9012');
    wizard.answer('typedSecrets', ['none']);
    const last = wizard.answer('openedAttachment', 'no');
    view = last.ok ? last.value : view;
    while (view.kind === 'step') {
      visited.push(view.step.id);
      now += 1000;
      view = await wizard.runStep({ elevate: false, ...(view.step.kind === 'accounts' ? { checked: ['gift-card-issuer'] } : {}) });
    }
    expect(visited.slice(4)).toEqual(['remove:anydesk', 'accounts', 'help', 'reconnect']);
    expect(view.kind).toBe('finished');
    expect(system.running.has(4242)).toBe(false);
    expect(system.files.size).toBe(0);
    expect(system.online).toBe(true);
    // Reconnect turned back on exactly what disconnect turned off.
    expect(system.calls).toContain('network-on:eth0:default via 10.0.0.1 dev eth0');
    expect(store.getIncident(wizard.incidentId)?.closedAt).toBe(now);
    expect(wizard.state.steps['hang-up']).toMatchObject({ status: 'done', manual: true, verification: 'unchecked' });
    expect(wizard.state.steps['end-session:anydesk']).toMatchObject({ status: 'done', verification: 'checked' });
    expect(wizard.state.steps['accounts']).toMatchObject({ status: 'skipped', checked: ['gift-card-issuer'] });
    // Only the unticked advice stays open.
    expect(openItems(wizard.state)).toEqual([
      { kind: 'advice', id: 'change-passwords' },
      { kind: 'advice', id: 'watch-statements' },
      { kind: 'advice', id: 'full-scan' },
    ]);
    const help = wizard.state.plan?.steps.find((step) => step.kind === 'help')?.actions;
    expect(help).toEqual([
      { kind: 'official', id: 'jp-police-consult' },
      { kind: 'official', id: 'jp-police-emergency' },
      { kind: 'official', id: 'jp-consumer' },
      { kind: 'official', id: 'jp-ipa' },
      { kind: 'official', id: 'gift-card-issuer' },
    ]);
    const timeline = store.timeline(wizard.incidentId);
    expect(new Set(timeline.map((event) => event.id)).size).toBe(timeline.length);
    expect(timeline.filter((event) => event.payload.kind === 'answer')).toHaveLength(8);
    expect(timeline.filter((event) => event.payload.kind === 'finding')).toHaveLength(1);
  });

  it('resumes at the same question and step after the process is gone', async () => {
    const first = start();
    await urgentSteps(first);
    const second = start();
    expect(stepId(second.view())).toBe('end-session:anydesk');
    await second.runStep({ elevate: false });
    second.answer('calledNumber', 'no');
    second.answer('remoteControl', 'unsure');
    const again = start();
    expect(again.incidentId).toBe(first.incidentId);
    expect(again.view()).toMatchObject({ kind: 'question', question: { id: 'paid' } });
    answerAll(again);
    const third = start();
    expect(stepId(third.view())).toBe('remove:anydesk');
  });

  it('after a crash in the middle of a step, shows it as interrupted and does not redo finished actions', async () => {
    const twoTools = { ...portableAnyDesk, evidence: [...portableAnyDesk.evidence, { kind: 'running' as const, detail: 'second', pid: 4343, path: '/home/u/Downloads/AnyDesk' }] };
    system = new FakeSystem(() => [twoTools]);
    system.running.add(4242).add(4343);
    const wizard = CleanupWizard.start(deps(), { findings: [twoTools], region: 'JP', helpContacts: [] });
    await urgentSteps(wizard);
    system.hang = 'stop:4343';
    void wizard.runStep({ elevate: false }); // stops 4242, then hangs on 4343: the "kill -9"
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    system.hang = undefined;
    const resumed = CleanupWizard.start(deps(), { findings: [], region: 'JP', helpContacts: [] });
    const view = resumed.view();
    expect(view).toMatchObject({ kind: 'step', step: { id: 'end-session:anydesk' }, interrupted: true });
    expect(view.kind === 'step' && view.record.results['0']?.status).toBe('done');
    system.calls = [];
    const after = await resumed.runStep({ elevate: false });
    expect(system.calls).toEqual(['stop:4343']);
    expect(stepId(after)).toBe('question:calledNumber');
  });

  it('says when a step needs administrator rights and retries with them', async () => {
    system.needsAdminForNetwork = true;
    const wizard = start();
    await wizard.runStep({ elevate: false }); // hang up
    const refused = await wizard.runStep({ elevate: false });
    expect(refused).toMatchObject({ kind: 'step', step: { id: 'disconnect', admin: 'maybe' }, record: { status: 'needs-admin' } });
    const allowed = await wizard.runStep({ elevate: true });
    expect(stepId(allowed)).toBe('close-browser');
  });

  it('accepts a manual disconnect only when the network is really off', async () => {
    const wizard = start();
    await wizard.runStep({ elevate: false }); // hang up
    const still = await wizard.confirmManual();
    expect(still).toMatchObject({ kind: 'step', step: { id: 'disconnect' }, record: { status: 'failed', manual: true } });
    system.online = false; // the user pulled the cable
    expect(stepId(await wizard.confirmManual())).toBe('close-browser');
    expect(wizard.state.steps['disconnect']).toMatchObject({ status: 'done', manual: true, verification: 'checked' });
  });

  it('"I did it myself" on a session that still runs: not accepted, and it says what still runs', async () => {
    const wizard = start();
    await urgentSteps(wizard);
    const still = await wizard.confirmManual();
    expect(still).toMatchObject({ kind: 'step', step: { id: 'end-session:anydesk' }, record: { status: 'failed', manual: true, stillRunning: ['AnyDesk (4242)'] } });
    system.running.delete(4242); // now the person really closed it
    expect(stepId(await wizard.confirmManual())).toBe('question:calledNumber');
    expect(wizard.state.steps['end-session:anydesk']).toMatchObject({ status: 'done', manual: true, verification: 'checked' });
    expect(wizard.state.steps['end-session:anydesk']?.stillRunning).toBeUndefined();
  });

  it('stops a running tool before moving its file, even when the session step was skipped', async () => {
    const wizard = start();
    await urgentSteps(wizard);
    wizard.skipStep(); // end session: later
    answerAll(wizard);
    system.calls = [];
    const view = await wizard.runStep({ elevate: false });
    expect(system.calls).toEqual(['stop:4242', 'quarantine:/home/u/Downloads/AnyDesk']);
    expect(stepId(view)).toBe('accounts');
    expect(wizard.state.steps['remove:anydesk']).toMatchObject({ status: 'done', verification: 'checked' });
  });

  it('leaves the file in place when the running tool cannot be stopped', async () => {
    const wizard = start();
    await urgentSteps(wizard);
    wizard.skipStep();
    answerAll(wizard);
    system.hang = undefined;
    const actions = system.actions();
    const refusing = { ...actions, stopProcess: async () => ({ status: 'failed' as const, detail: 'refused' }) };
    const stubborn = CleanupWizard.start({ ...deps(), actions: refusing }, { findings: [portableAnyDesk], region: 'JP', helpContacts: [] });
    const failed = await stubborn.runStep({ elevate: false });
    expect(failed).toMatchObject({ kind: 'step', step: { id: 'remove:anydesk' }, record: { status: 'failed', stillRunning: ['AnyDesk (4242)'] } });
    expect(system.files.has('/home/u/Downloads/AnyDesk')).toBe(true);
  });

  it('fails the removal step when the rescan still finds the tool, and keeps skipped steps open', async () => {
    const wizard = start();
    await urgentSteps(wizard);
    await wizard.runStep({ elevate: false });
    answerAll(wizard);
    system.files.add('/home/u/Downloads/AnyDesk-again');
    system.findings = () => [{ ...portableAnyDesk, evidence: [{ kind: 'portable', detail: 'copy', path: '/home/u/Downloads/AnyDesk-again' }] }];
    const failed = await wizard.runStep({ elevate: false });
    expect(failed).toMatchObject({ kind: 'step', step: { id: 'remove:anydesk' }, record: { status: 'failed' } });
    expect(failed.kind === 'step' && failed.record.detail).toContain('AnyDesk-again');
    const skipped = wizard.skipStep();
    expect(stepId(skipped)).toBe('accounts');
    expect(openItems(wizard.state)[0]).toMatchObject({ kind: 'step', step: { id: 'remove:anydesk' }, status: 'skipped' });
  });

  it('reconnect is "not needed" when the network was never cut', async () => {
    const wizard = start();
    await wizard.runStep({ elevate: false });
    wizard.skipStep(); // disconnect skipped
    await wizard.runStep({ elevate: false });
    await wizard.runStep({ elevate: false });
    answerAll(wizard);
    let view = wizard.view();
    while (view.kind === 'step') view = await wizard.runStep({ elevate: false, ...(view.step.kind === 'accounts' ? { checked: [] } : {}) });
    expect(wizard.state.steps['reconnect']).toMatchObject({ status: 'not-needed' });
    expect(openItems(wizard.state).some((item) => item.kind === 'step' && item.step.id === 'disconnect')).toBe(true);
  });

  it('refuses to overwrite state another window already moved on', () => {
    const one = start();
    const two = start();
    one.skipStep();
    expect(() => two.skipStep()).toThrow(/moved on/);
  });

  it('uses recent detections of the incident as context', () => {
    const incident = store.createIncident({ openedAt: now, title: 'Fake Microsoft warning' });
    store.appendEvent({ id: 'd1', incidentId: incident.id, at: now, payload: { kind: 'detection', title: 'Microsoft Alert call 050-6881-5063', verdict: 'scam', score: 0.9, brand: 'Microsoft', phones: ['050-6881-5063'] } });
    const wizard = start();
    expect(wizard.incidentId).toBe(incident.id);
    expect(wizard.state.context.detections).toEqual([{ title: 'Microsoft Alert call 050-6881-5063', brand: 'Microsoft', phones: ['050-6881-5063'] }]);
  });
});
