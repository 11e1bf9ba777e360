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
  wizard.answer('typedSecrets', ['none']);
  const last = wizard.answer('openedAttachment', 'no');
  if (!last.ok) throw new Error(last.error.message);
  return last.value;
}

const stepId = (view: WizardView) => (view.kind === 'step' ? view.step.id : view.kind);

describe('recovery wizard', () => {
  it('asks the questions one by one, then walks the plan to the end', async () => {
    const wizard = start();
    const first = wizard.view();
    expect(first).toMatchObject({ kind: 'question', question: { id: 'calledNumber' }, number: 1, total: 5 });
    expect(wizard.answer('paid', 'bitcoin')).toMatchObject({ ok: false, error: { code: 'invalid-answer' } });
    let view = answerAll(wizard);
    const visited: string[] = [];
    while (view.kind === 'step') {
      visited.push(view.step.id);
      now += 1000;
      view = await wizard.runStep({ elevate: false, ...(view.step.kind === 'accounts' ? { checked: ['gift-card-issuer'] } : {}) });
    }
    expect(visited).toEqual(['disconnect', 'end-session:anydesk', 'remove:anydesk', 'accounts', 'help', 'reconnect']);
    expect(view.kind).toBe('finished');
    expect(system.running.has(4242)).toBe(false);
    expect(system.files.size).toBe(0);
    expect(system.online).toBe(true);
    // Reconnect turned back on exactly what disconnect turned off.
    expect(system.calls).toContain('network-on:eth0:default via 10.0.0.1 dev eth0');
    expect(store.getIncident(wizard.incidentId)?.closedAt).toBe(now);
    // Only the unticked advice stays open.
    expect(openItems(wizard.state)).toEqual([{ kind: 'advice', id: 'change-passwords' }, { kind: 'advice', id: 'watch-statements' }]);
    const timeline = store.timeline(wizard.incidentId);
    expect(new Set(timeline.map((event) => event.id)).size).toBe(timeline.length);
    expect(timeline.filter((event) => event.payload.kind === 'answer')).toHaveLength(5);
    expect(timeline.filter((event) => event.payload.kind === 'finding')).toHaveLength(1);
    expect(timeline.filter((event) => event.payload.kind === 'step' && event.payload.status === 'done').map((event) => (event.payload.kind === 'step' ? event.payload.step : ''))).toEqual([
      'disconnect',
      'end-session:anydesk',
      'remove:anydesk',
      'accounts',
      'help',
      'reconnect',
      'wizard',
    ]);
  });

  it('resumes at the same question and step after the process is gone', async () => {
    const first = start();
    first.answer('calledNumber', 'no');
    first.answer('remoteControl', 'unsure');
    const again = start();
    expect(again.incidentId).toBe(first.incidentId);
    expect(again.view()).toMatchObject({ kind: 'question', question: { id: 'paid' } });
    answerAll(again);
    await again.runStep({ elevate: false });
    const third = start();
    expect(stepId(third.view())).toBe('end-session:anydesk');
  });

  it('after a crash in the middle of a step, shows it as interrupted and does not redo finished actions', async () => {
    const twoTools = { ...portableAnyDesk, evidence: [...portableAnyDesk.evidence, { kind: 'running' as const, detail: 'second', pid: 4343, path: '/home/u/Downloads/AnyDesk' }] };
    system = new FakeSystem(() => [twoTools]);
    system.running.add(4242).add(4343);
    const wizard = CleanupWizard.start(deps(), { findings: [twoTools], region: 'JP', helpContacts: [] });
    answerAll(wizard);
    await wizard.runStep({ elevate: false }); // disconnect
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
    expect(stepId(after)).toBe('remove:anydesk');
  });

  it('says when a step needs administrator rights and retries with them', async () => {
    system.needsAdminForNetwork = true;
    const wizard = start();
    answerAll(wizard);
    const refused = await wizard.runStep({ elevate: false });
    expect(refused).toMatchObject({ kind: 'step', step: { id: 'disconnect', admin: 'maybe' }, record: { status: 'needs-admin' } });
    const allowed = await wizard.runStep({ elevate: true });
    expect(stepId(allowed)).toBe('end-session:anydesk');
  });

  it('accepts a manual disconnect only when the network is really off', async () => {
    const wizard = start();
    answerAll(wizard);
    const still = await wizard.confirmManual();
    expect(still).toMatchObject({ kind: 'step', step: { id: 'disconnect' }, record: { status: 'failed', manual: true } });
    system.online = false; // the user pulled the cable
    expect(stepId(await wizard.confirmManual())).toBe('end-session:anydesk');
  });

  it('fails the removal step when the rescan still finds the tool, and keeps skipped steps open', async () => {
    const wizard = start();
    answerAll(wizard);
    await wizard.runStep({ elevate: false });
    await wizard.runStep({ elevate: false });
    system.files.add('/home/u/Downloads/AnyDesk-again');
    system.findings = () => [{ ...portableAnyDesk, evidence: [{ kind: 'portable', detail: 'copy', path: '/home/u/Downloads/AnyDesk-again' }] }];
    const failed = await wizard.runStep({ elevate: false });
    expect(failed).toMatchObject({ kind: 'step', step: { id: 'remove:anydesk' }, record: { status: 'failed' } });
    expect(failed.kind === 'step' && failed.record.detail).toContain('AnyDesk-again');
    const skipped = wizard.skipStep();
    expect(stepId(skipped)).toBe('accounts');
    expect(openItems(wizard.state)[0]).toMatchObject({ kind: 'step', step: { id: 'remove:anydesk' }, status: 'skipped' });
  });

  it('refuses to overwrite state another window already moved on', () => {
    const one = start();
    const two = start();
    one.answer('calledNumber', 'yes');
    expect(() => two.answer('calledNumber', 'no')).toThrow(/moved on/);
  });

  it('uses recent detections of the incident as context', () => {
    const incident = store.createIncident({ openedAt: now, title: 'Fake Microsoft warning' });
    store.appendEvent({ id: 'd1', incidentId: incident.id, at: now, payload: { kind: 'detection', title: 'Microsoft Alert call 050-6881-5063', verdict: 'scam', score: 0.9, brand: 'Microsoft', phones: ['050-6881-5063'] } });
    const wizard = start();
    expect(wizard.incidentId).toBe(incident.id);
    expect(wizard.state.context.detections).toEqual([{ title: 'Microsoft Alert call 050-6881-5063', brand: 'Microsoft', phones: ['050-6881-5063'] }]);
  });
});
