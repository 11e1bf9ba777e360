/**
 * A private PulseAudio server for a test file (Debian's `pulseaudio`, as root, with a null sink):
 * its own XDG_RUNTIME_DIR, so it never meets the machine's or another test file's server.
 * Programs that should play into it get `env` (Chromium finds it through PULSE_SERVER).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSinkInputs, type SinkInput } from '../../../src/platform/linux/pulse-audio-parse.js';

export interface TestPulse {
  /** Environment for programs that should play into this server (and for pactl). */
  readonly env: NodeJS.ProcessEnv;
  sinkInputs(): SinkInput[];
  /** The output device's own mute and volume as pactl prints them (the "system volume"). */
  sinkState(): string;
  /** Starts another program's stream (pacat playing silence), which must never be touched. */
  playOtherApplication(): ChildProcess;
  stop(): void;
}

/** Starts the server and waits until it answers. */
export function startPulse(baseEnv: NodeJS.ProcessEnv = process.env): TestPulse {
  const runtime = mkdtempSync(join(tmpdir(), 'scarestop-pulse-'));
  const env: NodeJS.ProcessEnv = { ...baseEnv, XDG_RUNTIME_DIR: runtime, PULSE_SERVER: `unix:${join(runtime, 'pulse', 'native')}` };
  const started = spawnSync(
    'pulseaudio',
    ['--daemonize=yes', '--exit-idle-time=-1', '-n', '--load=module-null-sink sink_name=null', '--load=module-native-protocol-unix', '--log-target=stderr'],
    { env, encoding: 'utf8', timeout: 20_000 },
  );
  if (started.status !== 0) throw new Error(`pulseaudio did not start: ${started.stderr}`);
  const others: ChildProcess[] = [];
  const pactl = (args: string[]): string => {
    const result = spawnSync('pactl', args, { env, encoding: 'utf8', timeout: 10_000 });
    if (result.status !== 0) throw new Error(`pactl ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  pactl(['info']);
  return {
    env,
    sinkInputs: () => parseSinkInputs(pactl(['--format=json', 'list', 'sink-inputs'])),
    sinkState: () => `${pactl(['get-sink-mute', 'null']).trim()}; ${pactl(['get-sink-volume', 'null']).trim()}`,
    playOtherApplication() {
      const child = spawn('pacat', ['--playback', '--client-name=other-app', '/dev/zero'], { env, stdio: 'ignore' });
      others.push(child);
      return child;
    },
    stop() {
      for (const child of others) child.kill('SIGKILL');
      spawnSync('pulseaudio', ['--kill'], { env, timeout: 10_000 });
      rmSync(runtime, { recursive: true, force: true });
    },
  };
}
