import { describe, expect, it } from 'vitest';
import { actionLabel, adviceFor, buildPlan, hintsFromInventory, serviceNameOf, stepLabel } from '../../../src/engine/cleanup/index.js';
import type { RemoteFinding } from '../../../src/shared/remote.js';
import { portableAnyDesk } from './fakes.js';

const generic = [{ name: 'Police', phone: '911' }];

describe('buildPlan', () => {
  it('orders a running portable AnyDesk: hang up, disconnect, close the page, end the session, questions, remove, accounts, help, reconnect', () => {
    const plan = buildPlan({ context: { region: 'US', detections: [], findings: [portableAnyDesk] }, answers: {}, helpContacts: generic, now: 1 });
    expect(plan.steps.map((step) => step.id)).toEqual(['hang-up', 'disconnect', 'close-browser', 'end-session:anydesk', 'questions', 'remove:anydesk', 'accounts', 'help', 'reconnect']);
    expect(plan.steps[3]?.actions).toEqual([
      { kind: 'stop-process', pid: 4242, name: 'AnyDesk', path: '/home/u/Downloads/AnyDesk' },
      { kind: 'check-stopped', toolId: 'anydesk' },
    ]);
    expect(plan.steps[4]?.actions.map((action) => (action.kind === 'question' ? action.id : action.kind))).toEqual(['calledNumber', 'remoteControl', 'paid', 'typedSecrets', 'openedAttachment']);
    expect(plan.steps[5]?.actions).toEqual([
      { kind: 'quarantine', path: '/home/u/Downloads/AnyDesk', why: 'portable', toolId: 'anydesk' },
      { kind: 'rescan', toolId: 'anydesk' },
    ]);
    // The US lines first, then the money contacts (not known yet: all), then the person's own.
    expect(plan.steps[7]?.actions).toEqual([
      { kind: 'official', id: 'us-ftc' },
      { kind: 'official', id: 'us-ic3' },
      { kind: 'official', id: 'card-company' },
      { kind: 'official', id: 'bank' },
      { kind: 'official', id: 'gift-card-issuer' },
      { kind: 'contact', contact: { name: 'Police', phone: '911' } },
    ]);
  });

  it('uses the Japanese public lines for Japan, IPA with its number and hours, in Japanese only', () => {
    const plan = buildPlan({ context: { region: 'JP', detections: [], findings: [] }, answers: { paid: ['none'], typedSecrets: ['none'] }, helpContacts: [], now: 1 });
    const help = plan.steps.find((step) => step.kind === 'help');
    const ja = help?.actions.map((action) => actionLabel(action, 'ja')) ?? [];
    expect(ja).toHaveLength(4);
    expect(ja[0]).toContain('#9110');
    expect(ja[1]).toContain('110番');
    expect(ja[2]).toContain('188');
    expect(ja[3]).toContain('IPA 情報セキュリティ安心相談窓口　03-5978-7509（平日10時〜12時、13時30分〜17時。時間外は、IPAのホームページのチャットボット');
    for (const line of ja) expect(line).not.toMatch(/[,:()]/u);
    const en = help?.actions.map((action) => actionLabel(action, 'en')).join('\n') ?? '';
    expect(en).toContain('weekdays 10:00–12:00 and 13:30–17:00');
    expect(en).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
  });

  it('gives a running Quick Assist its own "end the session" step, never a removal', () => {
    const builtIn: RemoteFinding = { toolId: 'quick-assist', name: 'Quick Assist (built into Windows)', priority: 4, builtIn: true, risk: 'running', evidence: [{ kind: 'running', detail: 'running', pid: 9, path: 'C:\\Windows\\System32\\QuickAssist.exe' }] };
    const plan = buildPlan({ context: { region: 'JP', detections: [], findings: [builtIn] }, answers: {}, helpContacts: [], now: 1 });
    expect(plan.steps.map((step) => step.id)).toEqual(['hang-up', 'disconnect', 'close-browser', 'end-session:quick-assist', 'questions', 'accounts', 'help', 'reconnect']);
    expect(plan.steps[3]?.actions).toEqual([
      { kind: 'manual', id: 'leave-builtin-session', toolName: 'Quick Assist (built into Windows)' },
      { kind: 'stop-process', pid: 9, name: 'QuickAssist.exe', path: 'C:\\Windows\\System32\\QuickAssist.exe' },
      { kind: 'check-stopped', toolId: 'quick-assist' },
    ]);
    expect(stepLabel(plan.steps[3] ?? { kind: 'end-session' }, 'ja')).toBe('遠隔操作を終わらせます：Quick Assist');
  });

  it('stops services, runs the uninstaller, quarantines unattended settings and removes autostart', () => {
    const installed: RemoteFinding = {
      toolId: 'anydesk',
      name: 'AnyDesk',
      priority: 1,
      risk: 'unattended',
      evidence: [
        { kind: 'installed', detail: 'AnyDesk 8.0 installed' },
        { kind: 'service', detail: 'Service "AnyDesk Service" is running; it starts without anyone logging in' },
        { kind: 'unattended', detail: 'unattended access password set', path: 'C:\\ProgramData\\AnyDesk\\service.conf' },
        { kind: 'autostart', detail: 'Starts automatically: "AnyDesk" (HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run)', path: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' },
      ],
    };
    const plan = buildPlan({
      context: { region: 'JP', detections: [], findings: [installed] },
      answers: {},
      helpContacts: [],
      hints: { anydesk: { uninstall: { command: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall' } } },
      now: 1,
    });
    const end = plan.steps.find((step) => step.id === 'end-session:anydesk');
    expect(end).toMatchObject({ admin: 'required', actions: [{ kind: 'stop-service', name: 'AnyDesk Service' }, { kind: 'check-stopped', toolId: 'anydesk' }] });
    const remove = plan.steps.find((step) => step.id === 'remove:anydesk');
    expect(remove?.actions.map((action) => action.kind)).toEqual(['uninstall', 'quarantine', 'remove-autostart', 'rescan']);
    expect(remove?.actions[2]).toEqual({ kind: 'remove-autostart', name: 'AnyDesk', source: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' });
  });

  it('asks to uninstall by hand when no uninstall command is known', () => {
    const finding: RemoteFinding = { toolId: 'teamviewer', name: 'TeamViewer', priority: 2, risk: 'installed', evidence: [{ kind: 'installed', detail: 'installed' }] };
    const plan = buildPlan({ context: { region: 'US', detections: [], findings: [finding] }, answers: {}, helpContacts: [], now: 1 });
    expect(plan.steps.find((step) => step.kind === 'remove')?.actions[0]).toEqual({ kind: 'manual-uninstall', toolName: 'TeamViewer' });
    expect(plan.steps.some((step) => step.kind === 'end-session')).toBe(false);
  });

  it('never plans to remove Windows built-in Remote Desktop / Quick Assist, nor a session step when it is not running', () => {
    const builtIn: RemoteFinding = { toolId: 'quick-assist', name: 'Quick Assist', priority: 5, builtIn: true, risk: 'installed', evidence: [{ kind: 'installed', detail: 'part of Windows' }] };
    const plan = buildPlan({ context: { region: 'US', detections: [], findings: [builtIn] }, answers: {}, helpContacts: [], now: 1 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['hang-up', 'disconnect', 'close-browser', 'questions', 'accounts', 'help', 'reconnect']);
  });

  it('reads service names from evidence details', () => {
    expect(serviceNameOf({ kind: 'service', detail: 'service "AnyDesk Service" (running)' })).toBe('AnyDesk Service');
    expect(serviceNameOf({ kind: 'service', detail: 'TeamViewer (running)' })).toBe('TeamViewer');
  });
});

describe('money and accounts advice: only what applies', () => {
  it('lists nothing when nothing happened and no tool was found', () => {
    expect(adviceFor({ calledNumber: 'no', remoteControl: 'no', paid: ['none'], typedSecrets: ['none'], openedAttachment: 'no' }, [])).toEqual([]);
    const plan = buildPlan({
      context: { region: 'US', detections: [], findings: [] },
      answers: { calledNumber: 'no', remoteControl: 'no', paid: ['none'], typedSecrets: ['none'], openedAttachment: 'no' },
      helpContacts: [],
      now: 1,
    });
    expect(plan.steps.map((step) => step.kind)).toEqual(['hang-up', 'disconnect', 'close-browser', 'questions', 'help', 'reconnect']);
  });

  it('matches payments and secrets', () => {
    expect(adviceFor({ remoteControl: 'no', paid: ['gift-card'], typedSecrets: ['none'], openedAttachment: 'no' }, [])).toEqual(['gift-card-issuer', 'watch-statements']);
    expect(adviceFor({ remoteControl: 'yes', paid: ['card', 'bank-transfer'], typedSecrets: ['passwords'], openedAttachment: 'unsure' }, [])).toEqual([
      'call-card-company',
      'call-bank',
      'change-passwords',
      'watch-statements',
      'scan-attachment',
    ]);
    // After remote control: a full antivirus scan even without an attachment.
    expect(adviceFor({ remoteControl: 'yes', paid: ['none'], typedSecrets: ['none'], openedAttachment: 'no' }, [])).toContain('full-scan');
  });

  it('advises new passwords when a remote tool was found, even before the questions', () => {
    expect(adviceFor({}, [portableAnyDesk])).toEqual(['change-passwords', 'watch-statements', 'full-scan']);
  });
});

describe('hintsFromInventory', () => {
  it('finds the uninstall command and the real service name of what the scanner reported', () => {
    const finding: RemoteFinding = {
      toolId: 'anydesk',
      name: 'AnyDesk',
      priority: 1,
      risk: 'running',
      evidence: [
        { kind: 'installed', detail: 'Installed program "AnyDesk" 8.0.8' },
        { kind: 'service', detail: 'Service "AnyDesk Service" is running; it starts without anyone logging in' },
      ],
    };
    const hints = hintsFromInventory(
      [finding],
      {
        installed: [{ name: 'AnyDesk', uninstallCommand: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall', source: 'HKLM' }],
        services: [{ name: 'AnyDesk', displayName: 'AnyDesk Service', state: 'running' }],
      },
      () => ({ uninstall: { en: 'Settings > Apps > AnyDesk > Uninstall', ja: '設定 > アプリ' } }),
      'en',
    );
    expect(hints['anydesk']).toEqual({
      uninstall: { command: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall' },
      services: ['AnyDesk'],
      howToUninstall: 'Settings > Apps > AnyDesk > Uninstall',
    });
  });

  it('uses the package manager for Linux packages', () => {
    const finding: RemoteFinding = { toolId: 'anydesk', name: 'AnyDesk', priority: 1, risk: 'installed', evidence: [{ kind: 'installed', detail: 'Installed program "anydesk" 6.3' }] };
    const hints = hintsFromInventory([finding], { installed: [{ name: 'anydesk', source: 'dpkg' }], services: [] }, () => undefined, 'en');
    expect(hints['anydesk']?.uninstall).toEqual({ command: 'apt-get remove -y anydesk' });
  });
});
