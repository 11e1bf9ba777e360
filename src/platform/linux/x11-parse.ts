/**
 * Pure parsers for the output of `xprop`, `xwininfo` and `/proc`. xprop prints strings in C
 * style (`\"`, `\\`, octal `\343` for bytes the locale cannot show): decoded here to UTF-8.
 */
import type { Rect } from '../../shared/geometry.js';

/** One `NAME(TYPE) = value` / `NAME(TYPE): window id # 0x..` / `NAME:  not found.` line. */
export interface XpropLine {
  readonly name: string;
  readonly type?: string;
  /** Raw value text; undefined when the property is not set. */
  readonly value?: string;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?(?:\s*=\s?|:\s?)(.*)$/;

/** Parses one line of xprop output, or undefined for anything else. */
export function parseXpropLine(line: string): XpropLine | undefined {
  const match = LINE.exec(line.trimEnd());
  if (match === null) return undefined;
  const [, name = '', type, rest = ''] = match;
  if (type === undefined && /not found\.?$|no such atom/i.test(rest)) return { name };
  return type === undefined ? { name, value: rest.trim() } : { name, type, value: rest.trim() };
}

/** Decodes an xprop quoted string (`"..."` with C escapes) into text; undefined if not quoted. */
export function decodeXpropString(value: string): string | undefined {
  if (!value.startsWith('"')) return undefined;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 1; i < value.length; i += 1) {
    const ch = value[i] ?? '';
    if (ch === '"') break;
    if (ch !== '\\') {
      const code = value.codePointAt(i) ?? 0;
      const text = String.fromCodePoint(code);
      bytes.push(...encoder.encode(text));
      i += text.length - 1;
      continue;
    }
    const next = value[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(value.slice(i + 1));
    if (octal !== null) {
      bytes.push(Number.parseInt(octal[0], 8) & 0xff);
      i += octal[0].length;
    } else {
      const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
      bytes.push(...encoder.encode(escapes[next] ?? next));
      i += 1;
    }
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/** Normalises an X window id (`0x00400002` → `0x400002`); undefined when not a window id. */
export function normaliseWindowId(text: string): string | undefined {
  const match = /0x[0-9a-fA-F]+/.exec(text);
  if (match === null) return undefined;
  return `0x${Number.parseInt(match[0], 16).toString(16)}`;
}

/** Window ids in a `WINDOW` property value (`window id # 0x1, 0x2`); `0x0` means none. */
export function parseWindowIds(value: string): string[] {
  return (value.match(/0x[0-9a-fA-F]+/g) ?? []).map((id) => normaliseWindowId(id) ?? id).filter((id) => id !== '0x0');
}

/** A CARDINAL property (`_NET_WM_PID(CARDINAL) = 1234`). */
export function parseCardinal(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Atom names in an ATOM list (`_NET_WM_STATE_FULLSCREEN, _NET_WM_STATE_FOCUSED`). */
export function parseAtoms(value: string): string[] {
  return value.split(',').map((atom) => atom.trim()).filter((atom) => atom !== '');
}

/** Properties of one window as read from `xprop -id W` (one-shot or `-spy`). */
export interface WindowProps {
  title?: string;
  /** WM_NAME, used when _NET_WM_NAME is missing. */
  legacyTitle?: string;
  pid?: number;
  fullscreen?: boolean;
  hidden?: boolean;
}

/** Applies one xprop line to `props`; returns true when it was one of ours. */
export function applyWindowProp(props: WindowProps, line: XpropLine): boolean {
  switch (line.name) {
    case '_NET_WM_NAME':
      props.title = line.value === undefined ? undefined : decodeXpropString(line.value);
      return true;
    case 'WM_NAME':
      props.legacyTitle = line.value === undefined ? undefined : decodeXpropString(line.value);
      return true;
    case '_NET_WM_PID':
      props.pid = line.value === undefined ? undefined : parseCardinal(line.value);
      return true;
    case '_NET_WM_STATE': {
      const atoms = line.value === undefined ? [] : parseAtoms(line.value);
      props.fullscreen = atoms.includes('_NET_WM_STATE_FULLSCREEN');
      props.hidden = atoms.includes('_NET_WM_STATE_HIDDEN');
      return true;
    }
    default:
      return false;
  }
}

/** The title to show: _NET_WM_NAME, else WM_NAME, else empty. */
export function titleOf(props: WindowProps): string {
  return props.title ?? props.legacyTitle ?? '';
}

/** Parses `xwininfo -id W` (absolute position and size) or `xwininfo -root`. */
export function parseXwininfo(text: string): Rect | undefined {
  const field = (name: string): number | undefined => {
    const match = new RegExp(`${name}:\\s*(-?\\d+)`).exec(text);
    return match?.[1] === undefined ? undefined : Number.parseInt(match[1], 10);
  };
  const x = field('Absolute upper-left X');
  const y = field('Absolute upper-left Y');
  const width = field('Width');
  const height = field('Height');
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  return { x, y, width, height };
}

/**
 * Parent pid, state letter and start time (field 22: clock ticks after boot, absent in a
 * truncated line) from `/proc/PID/stat` (the name may contain spaces and parens).
 */
export function parseProcStat(text: string): { readonly state: string; readonly ppid: number; readonly startTicks?: number } | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  const state = fields[0];
  const ppid = Number.parseInt(fields[1] ?? '', 10);
  if (state === undefined || !Number.isInteger(ppid)) return undefined;
  // fields[0] is field 3 of the line, so field 22 is fields[19].
  const startTicks = Number.parseInt(fields[19] ?? '', 10);
  return Number.isSafeInteger(startTicks) ? { state, ppid, startTicks } : { state, ppid };
}

/** All descendants of `root` given `[pid, ppid]` pairs (children before grandchildren). */
export function descendantsOf(root: number, pairs: readonly (readonly [number, number])[]): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of pairs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  const seen = new Set<number>([root]);
  while (queue.length > 0) {
    const pid = queue.shift() ?? root;
    for (const child of children.get(pid) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}
