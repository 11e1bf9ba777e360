/**
 * The Windows mute path (Core Audio through koffi) for real under Wine 8, with Wine's
 * PulseAudio driver playing into a private PulseAudio server. How far it goes under Wine 8:
 * CoInitializeEx → CoCreateInstance(MMDeviceEnumerator) → GetDefaultAudioEndpoint(eRender) →
 * IMMDevice::Activate(IAudioSessionManager2) all succeed; IAudioSessionManager2::
 * GetSessionEnumerator returns E_NOTIMPL (0x80004001), so no session is ever seen. The test
 * shows exactly that sequence, that the three objects obtained are released, that nothing past
 * it is called (no session, volume or SetMute call), that the adapter turns it into a plain
 * "failed" mute instead of a crash, and that the output device's own mute and volume are as
 * before. The per-session part is covered by the recorded call sequence in
 * tests/unit/win32/core-audio.test.ts. Should a later Wine implement the enumerator, the second
 * test demands the full mute and unmute of the player's own session.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPulse, type TestPulse } from '../e2e/support/pulse.js';
import { runDriver } from './support/driver.js';
import { buildToneStandIn } from './support/standins.js';
import { startWine, type WineSession } from './support/wine.js';

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
interface Results {
  readonly bound: boolean;
  readonly trace: readonly string[];
  readonly playerPid: number;
  readonly sessions: Step<Array<{ pid: number; muted: boolean }>>;
  readonly muted?: Step<{ status: string; detail?: string; streams?: Array<{ pid: number }> }>;
  readonly unmuted?: Step<{ status: string }>;
}

let wine: WineSession | undefined;
let pulse: TestPulse | undefined;
let results: Results;
let deviceBefore: string;
let deviceAfter: string;

beforeAll(async () => {
  pulse = startPulse();
  wine = await startWine({ env: { XDG_RUNTIME_DIR: pulse.env['XDG_RUNTIME_DIR'] ?? '', PULSE_SERVER: pulse.env['PULSE_SERVER'] ?? '' } });
  const player = buildToneStandIn(join(wine.workDir, 'tools'));
  deviceBefore = pulse.sinkState();
  results = (await runDriver<Results>(wine, 'audio', { player: wine.windowsPath(player) }, 120_000)).results;
  deviceAfter = pulse.sinkState();
}, 240_000);

afterAll(async () => {
  await wine?.stop();
  pulse?.stop();
});

describe('Core Audio per-session mute under Wine', () => {
  it('reaches the session manager of the default render device through koffi vtable calls', () => {
    expect(results.bound).toBe(true);
    expect(results.trace.slice(0, 4)).toEqual(['initialize: ok', 'createDeviceEnumerator: ok', 'defaultRenderDevice: ok', 'activateSessionManager: ok']);
  });

  it("mutes the player's session, or says plainly that this Windows cannot list sessions", () => {
    const muted = results.muted;
    expect(muted?.ok, JSON.stringify(muted)).toBe(true);
    if (muted?.ok !== true) return;
    if (results.trace.includes('sessionEnumerator: 0x80004001')) {
      // Wine 8: E_NOTIMPL. Released what it had obtained, reported, nothing thrown.
      expect(muted.value).toEqual({ status: 'failed', detail: expect.stringContaining('GetSessionEnumerator failed with HRESULT 0x80004001') });
      // Both walks (the driver's own listing, then the adapter's mute) stop at the enumerator and
      // release enumerator, device and manager; no session, volume or SetMute call follows.
      const walk = ['initialize: ok', 'createDeviceEnumerator: ok', 'defaultRenderDevice: ok', 'activateSessionManager: ok', 'sessionEnumerator: 0x80004001', 'release: ok', 'release: ok', 'release: ok'];
      expect(results.trace).toEqual([...walk, ...walk]);
      expect(results.unmuted).toBeUndefined();
      expect(deviceAfter).toBe(deviceBefore); // the system volume is never touched
      return;
    }
    expect(deviceAfter).toBe(deviceBefore);
    expect(muted.value.status).toBe('done');
    expect(muted.value.streams?.map((s) => s.pid)).toEqual([results.playerPid]);
    expect(results.unmuted).toEqual({ ok: true, value: expect.objectContaining({ status: 'done' }) });
  });
});
