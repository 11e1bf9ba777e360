import { describe, expect, it } from 'vitest';
import { classify, SCAM_THRESHOLD, SUSPICIOUS_THRESHOLD } from '../../../src/engine/detect/index.js';
import type { Rect } from '../../../src/shared/geometry.js';
import type { Verdict } from '../../../src/shared/verdict.js';

const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const FULL = { bounds: SCREEN, screen: SCREEN };
const signals = (v: Verdict): string[] => v.reasons.map((r) => r.signal);

describe('classify: signals and explanations', () => {
  it('explains a classic scam title with brand, threat, urgency and phone', () => {
    const v = classify({ title: 'Windows Defender Alert: virus detected! Call 1-888-254-7811 - Google Chrome', process: 'chrome.exe' });
    expect(v.verdict).toBe('scam');
    expect(v.score).toBeGreaterThanOrEqual(SCAM_THRESHOLD);
    expect(v.brand).toBe('Microsoft');
    expect(signals(v)).toEqual(expect.arrayContaining(['brand', 'threat', 'phone']));
    expect(v.phones).toEqual([{ raw: '1-888-254-7811', e164: '+18882547811', region: 'US', tollFree: true }]);
    for (const reason of v.reasons) expect(reason.detail.length).toBeGreaterThan(5);
  });

  it('does not read the browser suffix as a brand', () => {
    const v = classify({ title: 'Recipes for dinner - Google Chrome', process: 'chrome.exe' });
    expect(v.brand).toBeUndefined();
    expect(v.verdict).toBe('clean');
  });

  it('finds error codes', () => {
    const v = classify({ title: 'Security Error: Code 0x268d3', process: 'chrome.exe' });
    expect(signals(v)).toContain('error-code');
  });

  it('handles Japanese titles', () => {
    const v = classify({ title: 'Windowsセキュリティ警告 - ウイルスに感染しています 050-5865-1234', process: 'msedge.exe' });
    expect(v.verdict).toBe('scam');
    expect(v.phones[0]?.e164).toBe('+815058651234');
  });

  it('keeps the score inside the verdict band and in [0, 1]', () => {
    for (const title of ['', 'Google', 'Virus detected', 'Windows Security Alert! Call 1-888-254-7811 now, do not restart']) {
      const v = classify({ title, process: 'chrome.exe' });
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(1);
      const band = v.score >= SCAM_THRESHOLD ? 'scam' : v.score >= SUSPICIOUS_THRESHOLD ? 'suspicious' : 'clean';
      expect(band).toBe(v.verdict);
    }
  });
});

describe('classify: guards against false alarms', () => {
  it('never calls a non-browser window a scam, whatever its title', () => {
    const v = classify({ title: 'Virus detected! Call Microsoft 1-888-254-7811 now', process: 'C:\\Windows\\notepad.exe', ...FULL });
    expect(v.verdict).toBe('clean');
    expect(signals(v)).toContain('not-a-browser');
  });

  it('treats a missing process as a browser (title-only input)', () => {
    expect(classify({ title: 'Virus detected! Call Microsoft 1-888-254-7811 now' }).verdict).toBe('scam');
  });

  it.each([
    'How to recognize tech support scams - Microsoft Support',
    'サポート詐欺にだまされないで!',
    'Fake "Your computer is infected" pop-ups: police warn - BBC News',
    'Trojan horse (computing) - Wikipedia',
    'Security alert - jane@gmail.com - Gmail',
  ])('keeps a page about scams or a trusted site clean: %s', (title) => {
    expect(classify({ title, process: 'chrome.exe' }).verdict).toBe('clean');
  });

  it('says why when a guard overrode scary wording', () => {
    const v = classify({ title: 'Your computer is infected: a fake pop-up, police warn - BBC News', process: 'chrome.exe' });
    expect(v.verdict).toBe('clean');
    expect(v.reasons.filter((r) => r.signal === 'benign-context').length).toBeGreaterThan(0);
    expect(signals(v)).toContain('threat');
  });

  it('keeps a full-screen video clean', () => {
    expect(classify({ title: 'Big Buck Bunny - YouTube - Google Chrome', process: 'chrome.exe', ...FULL }).verdict).toBe('clean');
  });

  it('honours the allow list after normalisation', () => {
    const v = classify({ title: 'Windows Security Alert - Google Chrome', process: 'chrome.exe' }, { allowTitles: ['WINDOWS SECURITY ALERT'] });
    expect(v.verdict).toBe('clean');
    expect(signals(v)).toContain('allow-listed');
  });
});

describe('classify: window geometry', () => {
  it.each(['Security Center', 'Microsoft', 'Windows Defender', '', '12345', 'about:blank', '127.0.0.1:8080/lock.html', 'support-win.xyz/lock?id=3'])(
    'a full-screen browser page titled "%s" is at least suspicious',
    (title) => {
      const v = classify({ title, process: 'chrome.exe', ...FULL });
      expect(v.verdict).not.toBe('clean');
      expect(signals(v)).toContain('bland-title');
    },
  );

  it('the same bland titles are clean when not full screen', () => {
    expect(classify({ title: 'Security Center', process: 'chrome.exe' }).verdict).toBe('clean');
  });

  it('a maximised window (above the taskbar) is not full screen', () => {
    const v = classify({ title: 'Security Center', process: 'chrome.exe', bounds: { x: -8, y: -8, width: 1936, height: 1048 }, screen: SCREEN });
    expect(v.verdict).toBe('clean');
  });

  it('full screen strengthens alarming evidence on a second monitor too', () => {
    const right: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };
    const v = classify({ title: 'Error # 268D3', process: 'msedge.exe', bounds: right, screen: right });
    expect(v.verdict).toBe('scam');
    expect(signals(v)).toContain('fullscreen');
  });

  it('ignores nonsense geometry', () => {
    const v = classify({ title: 'Security Center', process: 'chrome.exe', bounds: { x: Number.NaN, y: 0, width: 1, height: 1 }, screen: SCREEN });
    expect(v.verdict).toBe('clean');
  });
});

describe('classify: known scam numbers', () => {
  it('raises a strong signal and marks the mention', () => {
    const known = new Set(['+815058651234']);
    const v = classify({ title: 'サポート 050-5865-1234', process: 'chrome.exe' }, { isKnownScamNumber: (n) => known.has(n) });
    expect(v.verdict).toBe('scam');
    expect(v.phones[0]).toMatchObject({ e164: '+815058651234', known: true });
    expect(signals(v)).toContain('known-scam-number');
  });

  it('is not asked when there is no number', () => {
    let asked = 0;
    classify({ title: 'Windows Security Alert' }, { isKnownScamNumber: () => (asked += 1) > 0 });
    expect(asked).toBe(0);
  });
});
