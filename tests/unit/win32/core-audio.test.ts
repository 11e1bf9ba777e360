/**
 * The Windows mute path against a recording of the Core Audio COM call sequence: what is
 * called in which order, that only the browser tree's sessions change, and that every
 * interface obtained is released (also when a session vanishes mid-enumeration).
 */
import { describe, expect, it } from 'vitest';
import { ComError, type ComObject, type CoreAudioCalls } from '../../../src/platform/win32/core-audio-sessions.js';
import { guidBytes } from '../../../src/platform/win32/core-audio-koffi.js';
import { processTree, Win32BrowserAudio } from '../../../src/platform/win32/win32-browser-audio.js';

interface FakeSession {
  readonly pid: number;
  readonly id: string;
  muted: boolean;
  /** Simulates a session that ended between GetCount and GetProcessId. */
  readonly gone?: boolean;
}

/** Records every call; objects are numbered handles whose release is counted. */
function recordingCoreAudio(sessions: FakeSession[]): { calls: CoreAudioCalls; log: string[]; live: () => number } {
  const log: string[] = [];
  const held = new Map<number, string>();
  let next = 1;
  const obtain = (what: string): ComObject => {
    const handle = next++;
    held.set(handle, what);
    return { handle } as unknown as ComObject;
  };
  const nameOf = (object: ComObject): string => held.get((object as unknown as { handle: number }).handle) ?? 'released!';
  const sessionOf = (object: ComObject): FakeSession => {
    const index = Number(nameOf(object).split('#')[1]);
    const session = sessions[index];
    if (session === undefined) throw new Error('no such session');
    return session;
  };
  const calls: CoreAudioCalls = {
    initialize: () => void log.push('CoInitializeEx'),
    createDeviceEnumerator: () => (log.push('CoCreateInstance'), obtain('enumerator')),
    defaultRenderDevice: (e) => (log.push(`GetDefaultAudioEndpoint(${nameOf(e)})`), obtain('device')),
    activateSessionManager: (d) => (log.push(`Activate(${nameOf(d)})`), obtain('manager')),
    sessionEnumerator: (m) => (log.push(`GetSessionEnumerator(${nameOf(m)})`), obtain('sessions')),
    sessionCount: () => (log.push('GetCount'), sessions.length),
    session: (_s, index) => (log.push(`GetSession(${index})`), obtain(`control#${index}`)),
    sessionControl2: (c) => (log.push(`QI(IAudioSessionControl2)`), obtain(`control2#${nameOf(c).split('#')[1]}`)),
    processId: (c2) => {
      log.push('GetProcessId');
      const session = sessionOf(c2);
      if (session.gone === true) throw new ComError('GetProcessId', 0x88890004); // AUDCLNT_E_DEVICE_INVALIDATED
      return session.pid;
    },
    instanceId: (c2) => sessionOf(c2).id,
    simpleVolume: (c) => (log.push('QI(ISimpleAudioVolume)'), obtain(`volume#${nameOf(c).split('#')[1]}`)),
    getMute: (v) => sessionOf(v).muted,
    setMute: (v, muted) => {
      log.push(`SetMute(${muted ? 1 : 0}) pid ${sessionOf(v).pid}`);
      sessionOf(v).muted = muted;
    },
    release: (object) => {
      const handle = (object as unknown as { handle: number }).handle;
      if (!held.delete(handle)) throw new Error('released twice');
      log.push(`Release(${handle})`);
    },
  };
  return { calls, log, live: () => held.size };
}

// chrome.exe 100 → audio service 104, renderer 103; notepad 200; an unrelated chrome 300.
const processes = [
  { pid: 100, ppid: 4 },
  { pid: 103, ppid: 100 },
  { pid: 104, ppid: 100 },
  { pid: 200, ppid: 4 },
  { pid: 300, ppid: 4 },
];

describe('Windows per-session mute (Core Audio call sequence)', () => {
  it('walks the default render device and mutes only the browser tree, releasing everything', async () => {
    const sessions: FakeSession[] = [
      { pid: 0, id: 'system-sounds', muted: false },
      { pid: 104, id: 'chrome-audio', muted: false },
      { pid: 200, id: 'notepad', muted: false },
      { pid: 300, id: 'other-chrome', muted: false },
    ];
    const fake = recordingCoreAudio(sessions);
    const audio = new Win32BrowserAudio(() => Promise.resolve(fake.calls), () => processes);
    const result = await audio.mute({ pid: 100 });
    expect(result).toEqual({ status: 'done', streams: [{ streamId: 'chrome-audio', pid: 104 }] });
    expect(sessions.map((s) => s.muted)).toEqual([false, true, false, false]);
    expect(fake.log.slice(0, 6)).toEqual(['CoInitializeEx', 'CoCreateInstance', 'GetDefaultAudioEndpoint(enumerator)', 'Activate(device)', 'GetSessionEnumerator(manager)', 'GetCount']);
    expect(fake.log.filter((line) => line.startsWith('SetMute'))).toEqual(['SetMute(1) pid 104']);
    expect(fake.live()).toBe(0);
  });

  it('unmutes exactly the sessions it muted, not one the person muted themselves', async () => {
    const sessions: FakeSession[] = [
      { pid: 104, id: 'chrome-audio', muted: false },
      { pid: 103, id: 'chrome-muted-by-person', muted: true },
    ];
    const fake = recordingCoreAudio(sessions);
    const audio = new Win32BrowserAudio(() => Promise.resolve(fake.calls), () => processes);
    const muted = await audio.mute({ pid: 100 });
    expect(muted.status === 'done' ? muted.streams : []).toEqual([{ streamId: 'chrome-audio', pid: 104 }]);
    const unmuted = await audio.unmute(muted.status === 'done' ? muted.streams : []);
    expect(unmuted.status).toBe('done');
    expect(sessions.map((s) => s.muted)).toEqual([false, true]);
    expect(fake.live()).toBe(0);
  });

  it('skips a session that vanished mid-walk and still releases its interfaces', async () => {
    const sessions: FakeSession[] = [
      { pid: 104, id: 'gone', muted: false, gone: true },
      { pid: 104, id: 'chrome-audio', muted: false },
    ];
    const fake = recordingCoreAudio(sessions);
    const result = await new Win32BrowserAudio(() => Promise.resolve(fake.calls), () => processes).mute({ pid: 100 });
    expect(result).toEqual({ status: 'done', streams: [{ streamId: 'chrome-audio', pid: 104 }] });
    expect(fake.live()).toBe(0);
  });

  it('says the browser has ended (and touches no audio) when its process is gone', async () => {
    const fake = recordingCoreAudio([{ pid: 104, id: 'chrome-audio', muted: false }]);
    const result = await new Win32BrowserAudio(() => Promise.resolve(fake.calls), () => processes).mute({ pid: 900 });
    expect(result.status).toBe('browser-gone');
    expect(fake.log).toEqual([]);
  });

  it('says plainly when Windows audio is unavailable', async () => {
    const audio = new Win32BrowserAudio(() => Promise.reject(new Error('ole32.dll missing')), () => processes);
    expect(await audio.mute({ pid: 100 })).toEqual({ status: 'failed', detail: 'Windows audio is not available: ole32.dll missing' });
  });

  it('finds a process tree without following pid cycles', () => {
    expect([...processTree(100, [...processes, { pid: 4, ppid: 104 }])].sort()).toEqual([100, 103, 104, 200, 300, 4].sort());
    expect([...processTree(200, processes)]).toEqual([200]);
  });

  it('lays GUIDs out as Windows does (Data1–3 little-endian)', () => {
    expect(guidBytes('{BCDE0395-E52F-467C-8E3D-C4579291692E}').toString('hex')).toBe('9503debc2fe57c468e3dc4579291692e');
    expect(() => guidBytes('nope')).toThrow(/GUID/);
  });
});
