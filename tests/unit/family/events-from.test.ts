import { describe, expect, it } from 'vitest';
import { remoteToolEvent, scamPageEvent } from '../../../src/engine/family/events-from.js';
import type { RemoteFinding } from '../../../src/shared/remote.js';

const at = Date.UTC(2026, 10, 22, 13, 0, 0);

describe('events from detector and scan output', () => {
  it('a scam page carries title, brand and the known number first', () => {
    const event = scamPageEvent({
      at,
      title: 'Microsoft Warning',
      closed: true,
      verdict: {
        verdict: 'scam',
        score: 0.95,
        reasons: [{ signal: 'page-text', detail: 'long page text that must not travel' }],
        brand: 'Microsoft',
        phones: [
          { raw: '0120-000-000', e164: '+81120000000' },
          { raw: '050-6881-5063', e164: '+815068815063', known: true },
        ],
      },
    });
    expect(event).toEqual({
      kind: 'scam-page',
      at: '2026-11-22T13:00:00.000Z',
      title: 'Microsoft Warning',
      brand: 'Microsoft',
      phone: { display: '050-6881-5063', e164: '+815068815063', known: true },
      closed: true,
    });
    expect(JSON.stringify(event)).not.toContain('must not travel');
  });

  it('a remote tool is connected, started or installed by its evidence', () => {
    const base: RemoteFinding = { toolId: 'anydesk', name: 'AnyDesk', priority: 1, risk: 'installed', evidence: [{ kind: 'installed', detail: 'x' }] };
    expect(remoteToolEvent(base, at)).toMatchObject({ tool: 'AnyDesk', action: 'installed' });
    expect(remoteToolEvent({ ...base, risk: 'running', evidence: [{ kind: 'running', detail: 'pid 4' }] }, at)).toMatchObject({ action: 'started' });
    expect(remoteToolEvent({ ...base, risk: 'connected', evidence: [{ kind: 'incoming-session', detail: 'log' }] }, at)).toMatchObject({ action: 'connected' });
  });
});
