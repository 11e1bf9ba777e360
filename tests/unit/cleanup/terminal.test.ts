import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printable, runTerminalWizard } from '../../../src/cli/commands/cleanup-terminal.js';
import { CleanupWizard } from '../../../src/engine/cleanup/index.js';
import { openIncidentStore, type SqliteIncidentStore } from '../../../src/storage/index.js';
import { FakeSystem, portableAnyDesk } from './fakes.js';

let home: string;
let store: SqliteIncidentStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-terminal-'));
  store = openIncidentStore({ dataHome: home });
});
afterEach(() => {
  store.close();
  rmSync(home, { recursive: true, force: true });
});

async function drive(lines: string[], lang: 'en' | 'ja' = 'en'): Promise<{ code: number; text: string; wizard: CleanupWizard }> {
  const system = new FakeSystem(() => [portableAnyDesk]);
  system.running.add(4242);
  system.files.add('/home/u/Downloads/AnyDesk');
  const incident = store.createIncident({ openedAt: 1, title: 'x' });
  store.appendEvent({ id: 'd', incidentId: incident.id, at: Date.now(), payload: { kind: 'detection', title: 'Alert', verdict: 'scam', score: 1, phones: ['050-6881-5063'] } });
  const wizard = CleanupWizard.start({ store, actions: system.actions(), clock: { now: () => Date.now() }, rescan: system.rescan }, { findings: [portableAnyDesk], region: 'JP', helpContacts: [] });
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  stdin.end(lines.map((line) => `${line}\n`).join(''));
  const code = await runTerminalWizard(wizard, { stdin, stdout }, lang);
  return { code, text, wizard };
}

describe('terminal wizard', () => {
  it('walks from the first question to the end, one screen at a time', async () => {
    const { code, text, wizard } = await drive(['1', '9', '1', '1 2', '3', '2', '', '', '', '1', '', '']);
    expect(code).toBe(0);
    expect(text).toContain('(1/5) Did you call the phone number on the screen?');
    expect(text).toContain('☎ 050-6881-5063');
    expect(text).toContain('Please try again.');
    expect(text).toContain('(2/6) End the remote session: AnyDesk');
    expect(text).toContain('#9110');
    expect(text).toContain('All steps are finished.');
    expect(wizard.state.answers).toEqual({ calledNumber: 'yes', remoteControl: 'yes', paid: ['gift-card', 'card'], typedSecrets: ['bank'], openedAttachment: 'no' });
  });

  it('stops cleanly when input ends, keeping the progress', async () => {
    const { code, text, wizard } = await drive(['2', '2']);
    expect(code).toBe(0);
    expect(text).toContain('Saved. Run "scarestop cleanup" again to continue.');
    expect(wizard.view()).toMatchObject({ kind: 'question', question: { id: 'paid' } });
  });

  it('speaks Japanese', async () => {
    const { text } = await drive(['q'], 'ja');
    expect(text).toContain('画面に出た電話番号に電話しましたか？');
    expect(text).toContain('保存しました');
  });
});

describe('printable', () => {
  it('neutralises terminal escapes and bidi overrides from file names and page text', () => {
    expect(printable('AnyDesk\u001b[2J\u001b]0;pwned\u0007.exe \u202egpj.exe')).toBe('AnyDesk [2J ]0;pwned .exe gpj.exe');
    expect(printable('ふつうの文字 ok')).toBe('ふつうの文字 ok');
  });
});
