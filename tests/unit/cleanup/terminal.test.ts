import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNumbers, printable, runTerminalWizard } from '../../../src/cli/commands/cleanup-terminal.js';
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
  it('walks the urgent steps, the questions and the rest, keeping every result on screen', async () => {
    // hang up, disconnect, close page, end session; questions (with a wrong and a full-width answer); remove, accounts, help, reconnect
    const { code, text, wizard } = await drive(['', '', '', '', '１', '9', '1', '1、2', '5万円', '', 'Google Play 1234', '3', '2', '', '1', '', '']);
    expect(code).toBe(0);
    expect(text).not.toContain('\u001b[2J');
    expect(text.indexOf('(1/9) Hang up the phone')).toBeLessThan(text.indexOf('(2/9) Disconnect from the internet'));
    expect(text.indexOf('(4/9) End the remote session: AnyDesk')).toBeLessThan(text.indexOf('(1/5) Did you call the phone number on the screen?'));
    expect(text).toContain('→ Result: Done by you (could not check)');
    expect(text).toContain('☎ 050-6881-5063');
    expect(text).toContain('That could not be read. Please type again.');
    expect(text).toContain('IPA Information Security Safety Consultation 03-5978-7509');
    expect(text).toContain('Well done. Some steps are still open.');
    expect(text).not.toContain('All steps are finished');
    expect(wizard.state.answers).toMatchObject({ calledNumber: 'yes', remoteControl: 'yes', paid: ['gift-card', 'card'], paidAmount: '5万円', paidWhen: '', giftCards: 'Google Play 1234', typedSecrets: ['bank'], openedAttachment: 'no' });
  });

  it('stops cleanly when input ends, keeping the progress', async () => {
    const { code, text, wizard } = await drive(['', 's']);
    expect(code).toBe(0);
    expect(text).toContain('Saved. Run "scarestop cleanup" again to continue.');
    expect(text).toContain('The internet is still connected');
    expect(wizard.view()).toMatchObject({ kind: 'step', step: { id: 'close-browser' } });
  });

  it('speaks Japanese only, and says what still runs after "I did it myself"', async () => {
    const { text } = await drive(['', '', '', 'm', 'q'], 'ja');
    expect(text).toContain('電話を切ります');
    expect(text).toContain('→ 結果：ご自身で済ませました（確認はできません）');
    expect(text).toContain('→ 結果：うまくいきませんでした');
    expect(text).toContain('！ まだ動いています：AnyDesk（番号 4242）');
    expect(text).toContain('保存しました');
    // Nothing in English but program names, the command name and the keys.
    const english = text.replace(/AnyDesk|scarestop cleanup|Enter|Esc|Alt|F4|Wi-Fi|LAN|ScareStop|\[[a-z]\]|［[a-zA-Z]+］/gu, '');
    expect(english).not.toMatch(/[A-Za-z]{3,}/u);
  });

  it('accepts full-width digits and Japanese commas', () => {
    expect(parseNumbers('１')).toEqual([1]);
    expect(parseNumbers('1、4')).toEqual([1, 4]);
    expect(parseNumbers('２，３ ４')).toEqual([2, 3, 4]);
    expect(parseNumbers('x')).toBeUndefined();
  });
});

describe('printable', () => {
  it('neutralises terminal escapes and bidi overrides from file names and page text', () => {
    expect(printable('AnyDesk\u001b[2J\u001b]0;pwned\u0007.exe \u202egpj.exe')).toBe('AnyDesk [2J ]0;pwned .exe gpj.exe');
    expect(printable('ふつうの文字 ok')).toBe('ふつうの文字 ok');
  });
});
