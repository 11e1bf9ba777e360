import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/engine/ports.js';
import { describeEvent, incidentHeading } from '../../../src/main/history-view.js';

const at = Date.UTC(2026, 10, 22, 9, 0, 0);
const event = (payload: TimelineEvent['payload']): TimelineEvent => ({ id: 'e1', incidentId: 'i1', at, payload }) as TimelineEvent;

describe('History in plain words', () => {
  it('says what was done in the UI language, not with internal codes', () => {
    const closed = event({ kind: 'action', action: 'close-scam-page', status: 'done' });
    expect(describeEvent(closed, 'ja')).toBe('対応: 偽の警告画面を閉じる — 済み');
    expect(describeEvent(closed, 'en')).toBe('Action: Close the fake warning page — done');
    const step = event({ kind: 'step', step: 'disconnect', status: 'needs-admin' });
    expect(describeEvent(step, 'ja')).toContain('管理者の許可が必要');
  });

  it('names the risk of a found tool in words', () => {
    const finding = event({ kind: 'finding', finding: { toolId: 'anydesk', name: 'AnyDesk', priority: 1, evidence: [], risk: 'running' } });
    expect(describeEvent(finding, 'ja')).toBe('遠隔操作ソフトを見つけました：AnyDesk');
    expect(describeEvent(finding, 'en')).toBe('Remote-access tool found: AnyDesk');
  });

  it('keeps a hostile page title as bounded text', () => {
    const detection = event({ kind: 'detection', title: `<img src=x onerror=alert(1)>${'A'.repeat(1000)}`, verdict: 'scam', score: 1, phones: [] });
    const text = describeEvent(detection, 'en');
    expect(text.startsWith('Fake warning seen: <img src=x onerror=alert(1)>')).toBe(true);
    expect(text.length).toBeLessThan(260);
  });

  it('heads an incident in the UI language from what started it', () => {
    const detection = event({ kind: 'detection', title: 'x', verdict: 'scam', score: 1, brand: 'Microsoft', phones: [] });
    expect(incidentHeading([detection], 'ja', 'Fake Microsoft warning')).toBe('Microsoftを装った偽の警告');
    expect(incidentHeading([detection], 'en', 'Fake Microsoft warning')).toBe('Fake Microsoft warning');
    expect(incidentHeading([], 'ja', 'Stored title')).toBe('Stored title');
  });
});
