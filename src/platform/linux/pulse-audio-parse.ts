/**
 * Pure parsing of `pactl --format=json list sink-inputs` (PulseAudio 16+, and PipeWire's
 * pipewire-pulse, which speaks the same protocol): one entry per playing stream, with the pid of
 * the process that plays it. Recorded output lives in tests/fixtures/linux/.
 */

/** One playing stream as the sound server reports it. */
export interface SinkInput {
  /** The sink-input index, the id `set-sink-input-mute` takes. */
  readonly index: number;
  readonly pid: number | undefined;
  readonly application: string | undefined;
  readonly binary: string | undefined;
  readonly muted: boolean;
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses the JSON array; entries without an index are dropped, a malformed document is an error. */
export function parseSinkInputs(json: string): SinkInput[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error('pactl did not print a list of sink inputs');
  const inputs: SinkInput[] = [];
  for (const item of parsed) {
    const entry = objectOf(item);
    if (entry === undefined || typeof entry['index'] !== 'number') continue;
    const properties = objectOf(entry['properties']) ?? {};
    const pid = Number.parseInt(textOf(properties['application.process.id']) ?? '', 10);
    inputs.push({
      index: entry['index'],
      pid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
      application: textOf(properties['application.name']),
      binary: textOf(properties['application.process.binary']),
      muted: entry['mute'] === true,
    });
  }
  return inputs;
}

/** The streams played by any of `pids` (the browser's process tree). */
export function streamsOfProcesses(inputs: readonly SinkInput[], pids: ReadonlySet<number>): SinkInput[] {
  return inputs.filter((input) => input.pid !== undefined && pids.has(input.pid));
}

/** One line of `pactl subscribe`, e.g. `Event 'new' on sink-input #12`. */
export interface ServerEvent {
  readonly kind: 'new' | 'change' | 'remove';
  /** What changed: `sink-input`, `sink`, `client`, ... */
  readonly facility: string;
  readonly index: number;
}

/** Parses one `pactl subscribe` line; anything else (including pactl's own messages) is undefined. */
export function parseServerEvent(line: string): ServerEvent | undefined {
  const match = /^Event '(new|change|remove)' on ([a-z-]+) #(\d+)$/u.exec(line.trim());
  if (match === null) return undefined;
  const [, kind, facility, index] = match;
  if ((kind !== 'new' && kind !== 'change' && kind !== 'remove') || facility === undefined || index === undefined) return undefined;
  return { kind, facility, index: Number(index) };
}
