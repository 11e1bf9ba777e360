/**
 * The Windows mute path (Core Audio through koffi) for real under Wine 8, with Wine's
 * PulseAudio driver playing into a private PulseAudio server. Wine 8 implements the device
 * side (MMDeviceEnumerator → default render endpoint → IAudioSessionManager2) but not
 * IAudioSessionManager2::GetSessionEnumerator (E_NOTIMPL): so here the test proves the koffi
 * vtable calls up to there, and that the adapter turns the missing call into a plain "failed"
 * mute instead of a crash. The per-session part is covered by the recorded call sequence in
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

beforeAll(async () => {
  pulse = startPulse();
  wine = await startWine({ env: { XDG_RUNTIME_DIR: pulse.env['XDG_RUNTIME_DIR'] ?? '', PULSE_SERVER: pulse.env['PULSE_SERVER'] ?? '' } });
  const player = buildToneStandIn(join(wine.workDir, 'tools'));
  results = (await runDriver<Results>(wine, 'audio', { player: wine.windowsPath(player) }, 120_000)).results;
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
      // Each walk obtained enumerator, device and manager, and released all three.
      const walks = results.trace.filter((line) => line === 'activateSessionManager: ok').length;
      expect(results.trace.filter((line) => line === 'release: ok')).toHaveLength(3 * walks);
      return;
    }
    expect(muted.value.status).toBe('done');
    expect(muted.value.streams?.map((s) => s.pid)).toEqual([results.playerPid]);
    expect(results.unmuted).toEqual({ ok: true, value: expect.objectContaining({ status: 'done' }) });
  });
});
