import { describe, expect, it } from 'vitest';
import { decideForTool, SCAM_CONTEXT_MS, scamPageSeenAt, scamReason } from '../../../src/engine/remote/live/scam-context.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { calm } from './fakes.js';

const NOW = 10 * SCAM_CONTEXT_MS;

describe('scam context policy', () => {
  it('pauses while a scam page is recent, an incident is open, or the person is on the phone; strongest reason first', () => {
    expect(scamReason(calm(), NOW)).toBeUndefined();
    expect(scamReason(calm({ lastScamPageAt: NOW - SCAM_CONTEXT_MS }), NOW)).toBe('scam-page');
    expect(scamReason(calm({ lastScamPageAt: NOW - SCAM_CONTEXT_MS - 1 }), NOW)).toBeUndefined();
    expect(scamReason(calm({ lastScamPageAt: NOW + 1 }), NOW)).toBeUndefined(); // a clock going back is no context
    expect(scamReason(calm({ incidentOpen: true, lastScamPageAt: NOW }), NOW)).toBe('scam-page');
    expect(scamReason(calm({ incidentOpen: true }), NOW)).toBe('open-incident');
    expect(scamReason(calm({ incidentOpen: true, onThePhoneAt: NOW - 1000 }), NOW)).toBe('on-the-phone');
  });

  it('decides per tool: helpers are left alone unless the person is on the phone; the Remote Desktop client is only reported', () => {
    expect(decideForTool('anydesk', calm(), NOW)).toEqual({ decision: 'notify' });
    expect(decideForTool('anydesk', calm({ alwaysAsk: true }), NOW)).toEqual({ decision: 'pause', reason: 'always-ask' });
    expect(decideForTool('anydesk', calm({ knownHelpers: ['anydesk'], alwaysAsk: true, incidentOpen: true }), NOW)).toEqual({ decision: 'known-helper' });
    expect(decideForTool('anydesk', calm({ knownHelpers: ['anydesk'], onThePhoneAt: NOW }), NOW)).toEqual({ decision: 'pause', reason: 'on-the-phone' });
    expect(decideForTool('windows-remote-desktop', calm({ lastScamPageAt: NOW }), NOW)).toEqual({ decision: 'notify' });
    expect(decideForTool('quick-assist', calm({ lastScamPageAt: NOW }), NOW)).toEqual({ decision: 'pause', reason: 'scam-page' });
  });

  it('takes the scam-page time from detections the person did not allow', () => {
    const window = { windowId: '1', title: 't', fullscreen: false };
    const verdict = { verdict: 'scam', score: 9, reasons: [], phones: [] } as unknown as Extract<WatchEvent, { type: 'detected' }>['verdict'];
    expect(scamPageSeenAt({ type: 'detected', at: 5, ms: 1, window, verdict, stage: 'title', next: 'close' })).toBe(5);
    expect(scamPageSeenAt({ type: 'detected', at: 5, ms: 1, window, verdict, stage: 'title', next: 'allow-listed' })).toBeUndefined();
    expect(scamPageSeenAt({ type: 'status', at: 5, state: 'watching' })).toBeUndefined();
  });
});
