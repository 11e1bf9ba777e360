/**
 * Pure reader of Windows shortcuts (.lnk, MS-SHLLINK): the target path and arguments, so a
 * Startup-folder shortcut named "Helper" that starts AnyDesk is reported by what it runs.
 * Bounded and defensive: a malformed file gives undefined, never a throw.
 */

/** What a shortcut runs. */
export interface ShellLink {
  readonly target?: string;
  readonly arguments?: string;
}

/** Shortcuts are a few KB; a bigger file is not one we parse. */
export const MAX_LINK_BYTES = 64 * 1024;
const MAX_TEXT_CHARS = 2048;

const HAS_ID_LIST = 0x1;
const HAS_LINK_INFO = 0x2;
const HAS_NAME = 0x4;
const HAS_RELATIVE_PATH = 0x8;
const HAS_WORKING_DIR = 0x10;
const HAS_ARGUMENTS = 0x20;
const IS_UNICODE = 0x80;
const VOLUME_ID_AND_LOCAL_BASE_PATH = 0x1;

function zeroTerminated(data: Buffer, start: number, end: number, wide: boolean): string | undefined {
  if (start <= 0 || start >= end) return undefined;
  if (wide) {
    let at = start;
    while (at + 1 < end && data.readUInt16LE(at) !== 0) at += 2;
    return data.toString('utf16le', start, at).slice(0, MAX_TEXT_CHARS);
  }
  const nul = data.indexOf(0, start);
  // ANSI: the code page is unknown here; latin1 keeps ASCII paths exact.
  return data.toString('latin1', start, nul < 0 || nul > end ? end : nul).slice(0, MAX_TEXT_CHARS);
}

/** Parses a .lnk file's bytes. */
export function parseShellLink(data: Buffer): ShellLink | undefined {
  if (data.length < 0x4c || data.length > MAX_LINK_BYTES || data.readUInt32LE(0) !== 0x4c) return undefined;
  const flags = data.readUInt32LE(0x14);
  let at = 0x4c;
  if (flags & HAS_ID_LIST) {
    if (at + 2 > data.length) return undefined;
    at += 2 + data.readUInt16LE(at);
  }
  let target: string | undefined;
  if (flags & HAS_LINK_INFO) {
    if (at + 28 > data.length) return undefined;
    const infoSize = data.readUInt32LE(at);
    const headerSize = data.readUInt32LE(at + 4);
    const infoFlags = data.readUInt32LE(at + 8);
    const infoEnd = Math.min(data.length, at + infoSize);
    if (infoSize < 28 || infoEnd <= at) return undefined;
    if (infoFlags & VOLUME_ID_AND_LOCAL_BASE_PATH) {
      const wide = headerSize >= 0x24 && at + 0x24 <= infoEnd;
      const baseOffset = wide ? data.readUInt32LE(at + 0x1c) : data.readUInt32LE(at + 0x10);
      const suffixOffset = wide ? data.readUInt32LE(at + 0x20) : data.readUInt32LE(at + 0x18);
      const base = zeroTerminated(data, at + baseOffset, infoEnd, wide);
      const suffix = suffixOffset > 0 ? zeroTerminated(data, at + suffixOffset, infoEnd, wide) : undefined;
      if (base !== undefined && base !== '') target = `${base}${suffix ?? ''}`;
    }
    at += infoSize;
  }
  const unicode = (flags & IS_UNICODE) !== 0;
  const strings: Record<number, string> = {};
  for (const bit of [HAS_NAME, HAS_RELATIVE_PATH, HAS_WORKING_DIR, HAS_ARGUMENTS]) {
    if (!(flags & bit)) continue;
    if (at + 2 > data.length) return undefined;
    const count = data.readUInt16LE(at);
    const bytes = unicode ? count * 2 : count;
    if (at + 2 + bytes > data.length) return undefined;
    // Wine counts the terminating NUL too; Windows does not.
    strings[bit] = data.toString(unicode ? 'utf16le' : 'latin1', at + 2, at + 2 + bytes).replace(/\0+$/, '').slice(0, MAX_TEXT_CHARS);
    at += 2 + bytes;
  }
  target ??= strings[HAS_RELATIVE_PATH];
  const args = strings[HAS_ARGUMENTS]?.trim();
  if (target === undefined && args === undefined) return undefined;
  return { ...(target !== undefined ? { target } : {}), ...(args !== undefined && args !== '' ? { arguments: args } : {}) };
}

/** The command a shortcut runs, quoted like a Run value: `"C:\...\AnyDesk.exe" --control`. */
export function shellLinkCommand(link: ShellLink): string | undefined {
  if (link.target === undefined) return undefined;
  return link.arguments === undefined ? `"${link.target}"` : `"${link.target}" ${link.arguments}`;
}
