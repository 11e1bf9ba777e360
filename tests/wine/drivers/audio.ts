/**
 * Runs under Windows' node.exe in Wine: the Core Audio mute path through koffi for real. Starts
 * the stand-in tone player (tests/fixtures/win32/standin/tone.c), records how far each COM call
 * of the sequence gets, and asks Win32BrowserAudio to mute the player's session and unmute it.
 */
import { spawn } from 'node:child_process';
import { bindCoreAudio } from '../../../src/platform/win32/core-audio-koffi.js';
import { ComError, visitRenderSessions, type CoreAudioCalls } from '../../../src/platform/win32/core-audio-sessions.js';
import { loadKoffi } from '../../../src/platform/win32/native-modules.js';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { Win32BrowserAudio } from '../../../src/platform/win32/win32-browser-audio.js';
import { readConfig, step, writeResults } from '../support/driver-io.js';

interface AudioDriverConfig {
  /** Windows path of tone.exe. */
  readonly player: string;
}

/** Wraps each call so the results say which calls of the sequence succeeded. */
function tracing(api: CoreAudioCalls, trace: string[]): CoreAudioCalls {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(api) as Array<[string, (...args: unknown[]) => unknown]>) {
    wrapped[name] = (...args: unknown[]) => {
      try {
        const value = fn(...args);
        trace.push(`${name}: ok`);
        return value;
      } catch (error) {
        trace.push(`${name}: ${error instanceof ComError ? `0x${error.hresult.toString(16)}` : String(error)}`);
        throw error;
      }
    };
  }
  return wrapped as unknown as CoreAudioCalls;
}

const config = readConfig<AudioDriverConfig>();
const trace: string[] = [];
const player = spawn(config.player, [], { stdio: 'ignore' });
const playerPid = player.pid ?? 0;
const bound = await step(async () => tracing(bindCoreAudio(await loadKoffi()), trace));
const sessions = bound.ok
  ? await step(async () => {
      const seen: Array<{ pid: number; muted: boolean }> = [];
      visitRenderSessions(bound.value, (session) => seen.push({ pid: session.pid, muted: session.muted }));
      return seen;
    })
  : bound;
let muted: unknown;
let unmuted: unknown;
if (bound.ok) {
  const kernel32 = await win32('kernel32');
  const audio = new Win32BrowserAudio(() => Promise.resolve(bound.value), () => kernel32.processSnapshot());
  const result = await step(() => audio.mute({ pid: playerPid }));
  muted = result;
  if (result.ok && result.value.status === 'done') unmuted = await step(() => audio.unmute(result.value.status === 'done' ? result.value.streams : []));
}
player.kill();
writeResults({ bound: bound.ok, trace, playerPid, sessions, muted, unmuted });
