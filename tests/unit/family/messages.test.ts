import { describe, expect, it } from 'vitest';
import { composeAlert, formatWhen } from '../../../src/engine/family/messages.js';
import { cleanLine } from '../../../src/engine/family/sanitize.js';
import type { AlertEvent } from '../../../src/engine/family/alert-event.js';

const at = '2026-11-22T13:05:00.000Z';
const scam: AlertEvent = {
  kind: 'scam-page',
  at,
  title: 'Windows Defender - セキュリティ警告',
  brand: 'Microsoft',
  phone: { display: '03-6271-7243', e164: '+81362717243', known: true },
  closed: true,
};

describe('composeAlert', () => {
  it('writes a Japanese scam-page alert with time, title, brand, number and "do not call"', () => {
    const alert = composeAlert(scam, 'ja', { deviceName: '母のパソコン', timeZone: 'Asia/Tokyo' });
    expect(alert.subject).toBe('[ScareStop] 偽の警告画面を検出しました');
    expect(alert.text).toContain('「母のパソコン」に偽の警告画面');
    expect(alert.text).toContain('2026年11月22日 22:05');
    expect(alert.text).toContain('「Windows Defender - セキュリティ警告」');
    expect(alert.text).toContain('なりすまし: Microsoft');
    expect(alert.text).toContain('03-6271-7243（既知の詐欺番号）');
    expect(alert.text).toContain('絶対に電話しないでください');
    expect(alert.text).toContain('ScareStop が画面を閉じました');
  });

  it('writes the same alert in English', () => {
    const alert = composeAlert(scam, 'en', { timeZone: 'Asia/Tokyo' });
    expect(alert.subject).toBe('[ScareStop] Fake warning screen detected');
    expect(alert.text).toContain('22 Nov 2026, 22:05');
    expect(alert.text).toContain('Phone number shown: 03-6271-7243 (a known scam number) — do not call it.');
    expect(alert.text).not.toContain('偽の警告');
  });

  it('covers every trigger in both languages', () => {
    const events: AlertEvent[] = [
      { kind: 'remote-tool', at, tool: 'AnyDesk', action: 'connected' },
      { kind: 'wizard-started', at },
      { kind: 'guard-stopped', at, lastSeenAt: '2026-11-22T12:00:00.000Z' },
    ];
    for (const event of events) {
      for (const language of ['ja', 'en'] as const) {
        const alert = composeAlert(event, language, { timeZone: 'UTC' });
        expect(alert.subject.startsWith('[ScareStop] ')).toBe(true);
        expect(alert.text.split('\n').length).toBeLessThan(12);
      }
    }
    expect(composeAlert(events[0] as AlertEvent, 'en').subject).toContain('AnyDesk');
    expect(composeAlert(events[2] as AlertEvent, 'ja', { timeZone: 'UTC' }).text).toContain('最後に動作を確認した日時: 2026年11月22日 12:00');
  });

  it('bounds and cleans hostile page text and keeps it to one line', () => {
    const hostile: AlertEvent = {
      kind: 'scam-page',
      at,
      title: `CALL NOW\u202e\r\nSubject: injected\u0000${'A'.repeat(500)}`,
      phone: { display: '<b>03-6271-7243</b>\nBcc: x@example.com', known: false },
    };
    const alert = composeAlert(hostile, 'en');
    const titleLine = alert.text.split('\n').find((l) => l.startsWith('Window title:')) ?? '';
    expect(titleLine).not.toContain('\u202e');
    expect(titleLine).not.toContain('\u0000');
    expect(titleLine.length).toBeLessThan(120);
    expect(alert.text).not.toMatch(/^Subject: injected/m);
    expect(alert.text).not.toContain('<b>');
    expect(alert.text).not.toContain('Bcc');
    expect(alert.subject).not.toContain('CALL NOW');
  });

  it('says the message never carries screenshots or passwords', () => {
    expect(composeAlert(scam, 'ja').text).toContain('パスワード');
    expect(composeAlert(scam, 'en').text).toContain('never contains screenshots, passwords');
  });
});

describe('helpers', () => {
  it('cuts long lines with an ellipsis by characters, not bytes', () => {
    expect(cleanLine('あいうえおかきくけこ', 5)).toBe('あいうえ…');
    expect(cleanLine('  a \t b  ', 10)).toBe('a b');
  });

  it('keeps an unreadable time as text instead of throwing', () => {
    expect(formatWhen('yesterday', 'en')).toBe('yesterday');
  });
});
