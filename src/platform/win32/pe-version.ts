/**
 * Pure reader of a Windows executable's VERSIONINFO strings (ProductName, OriginalFilename,
 * CompanyName, FileDescription): PE headers → resource directory → RT_VERSION →
 * StringFileInfo. It finds a renamed AnyDesk.exe by what the file says it is.
 *
 * Files come from Downloads and are hostile: every read goes through a bounded `ByteSource`,
 * every offset is checked, loops are capped, and a malformed file yields `undefined`, never a
 * throw or a huge allocation. Only the few bytes needed are read (not the whole .rsrc section).
 */

/** Random-access reads of a file or buffer; returns fewer bytes at the end of the source. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

/** The version strings we use for matching (each cut to {@link MAX_VALUE_CHARS}). */
export interface PeVersionInfo {
  readonly productName?: string;
  readonly originalFilename?: string;
  readonly companyName?: string;
  readonly fileDescription?: string;
  readonly productVersion?: string;
  readonly fileVersion?: string;
}

export const MAX_VALUE_CHARS = 256;
/** VS_VERSIONINFO is a few KB; anything larger is not one we need to read. */
const MAX_VERSION_BYTES = 64 * 1024;
const MAX_DIRECTORY_ENTRIES = 4096;
const MAX_SECTIONS = 96;
const RT_VERSION = 16;

const WANTED: Readonly<Record<string, keyof PeVersionInfo>> = {
  ProductName: 'productName',
  OriginalFilename: 'originalFilename',
  CompanyName: 'companyName',
  FileDescription: 'fileDescription',
  ProductVersion: 'productVersion',
  FileVersion: 'fileVersion',
};

/** A ByteSource over an in-memory buffer (tests, small files). */
export function bufferSource(buffer: Buffer): ByteSource {
  return { size: buffer.length, read: (offset, length) => buffer.subarray(Math.max(0, offset), Math.max(0, Math.min(buffer.length, offset + length))) };
}

interface Section {
  readonly virtualAddress: number;
  readonly virtualSize: number;
  readonly rawSize: number;
  readonly rawOffset: number;
}

function readExact(source: ByteSource, offset: number, length: number): Buffer | undefined {
  if (offset < 0 || length < 0 || offset + length > source.size) return undefined;
  const bytes = source.read(offset, length);
  return bytes.length === length ? bytes : undefined;
}

function sectionsOf(source: ByteSource): { sections: Section[]; resourceRva: number; resourceSize: number } | undefined {
  const dos = readExact(source, 0, 64);
  if (dos === undefined || dos.toString('latin1', 0, 2) !== 'MZ') return undefined;
  const peOffset = dos.readUInt32LE(0x3c);
  const coff = readExact(source, peOffset, 24);
  if (coff === undefined || coff.toString('latin1', 0, 4) !== 'PE\0\0') return undefined;
  const sectionCount = Math.min(coff.readUInt16LE(6), MAX_SECTIONS);
  const optionalSize = coff.readUInt16LE(20);
  const optional = readExact(source, peOffset + 24, optionalSize);
  if (optional === undefined || optionalSize < 2) return undefined;
  const magic = optional.readUInt16LE(0);
  const [countAt, directoriesAt] = magic === 0x20b ? [108, 112] : magic === 0x10b ? [92, 96] : [-1, -1];
  if (countAt < 0 || optional.length < directoriesAt + 3 * 8) return undefined;
  if (optional.readUInt32LE(countAt) < 3) return undefined; // no resource directory entry
  const resourceRva = optional.readUInt32LE(directoriesAt + 2 * 8);
  const resourceSize = optional.readUInt32LE(directoriesAt + 2 * 8 + 4);
  if (resourceRva === 0 || resourceSize === 0) return undefined;
  const table = readExact(source, peOffset + 24 + optionalSize, sectionCount * 40);
  if (table === undefined) return undefined;
  const sections: Section[] = [];
  for (let i = 0; i < sectionCount; i += 1) {
    const at = i * 40;
    sections.push({ virtualSize: table.readUInt32LE(at + 8), virtualAddress: table.readUInt32LE(at + 12), rawSize: table.readUInt32LE(at + 16), rawOffset: table.readUInt32LE(at + 20) });
  }
  return { sections, resourceRva, resourceSize };
}

function fileOffset(sections: readonly Section[], rva: number): number | undefined {
  for (const s of sections) {
    const span = Math.max(s.virtualSize, s.rawSize);
    if (rva >= s.virtualAddress && rva < s.virtualAddress + span) {
      const offset = rva - s.virtualAddress;
      return offset < s.rawSize ? s.rawOffset + offset : undefined;
    }
  }
  return undefined;
}

/** Entry of a resource directory: id (or -1 for a named entry) and where it points. */
function directoryEntries(source: ByteSource, base: number, offset: number): Array<{ id: number; target: number; isDirectory: boolean }> {
  const header = readExact(source, base + offset, 16);
  if (header === undefined) return [];
  const count = Math.min(header.readUInt16LE(12) + header.readUInt16LE(14), MAX_DIRECTORY_ENTRIES);
  const raw = readExact(source, base + offset + 16, count * 8);
  if (raw === undefined) return [];
  const entries: Array<{ id: number; target: number; isDirectory: boolean }> = [];
  for (let i = 0; i < count; i += 1) {
    const name = raw.readUInt32LE(i * 8);
    const data = raw.readUInt32LE(i * 8 + 4);
    entries.push({ id: name & 0x8000_0000 ? -1 : name, target: data & 0x7fff_ffff, isDirectory: (data & 0x8000_0000) !== 0 });
  }
  return entries;
}

/** The raw VS_VERSIONINFO bytes of a PE file, or undefined. */
export function versionResource(source: ByteSource): Buffer | undefined {
  const pe = sectionsOf(source);
  if (pe === undefined) return undefined;
  const base = fileOffset(pe.sections, pe.resourceRva);
  if (base === undefined) return undefined;
  // type RT_VERSION → first name → first language → IMAGE_RESOURCE_DATA_ENTRY
  const type = directoryEntries(source, base, 0).find((e) => e.id === RT_VERSION && e.isDirectory);
  if (type === undefined) return undefined;
  const name = directoryEntries(source, base, type.target).find((e) => e.isDirectory);
  if (name === undefined) return undefined;
  const language = directoryEntries(source, base, name.target).find((e) => !e.isDirectory);
  if (language === undefined) return undefined;
  const leaf = readExact(source, base + language.target, 16);
  if (leaf === undefined) return undefined;
  const dataOffset = fileOffset(pe.sections, leaf.readUInt32LE(0));
  const size = leaf.readUInt32LE(4);
  if (dataOffset === undefined || size < 6 || size > MAX_VERSION_BYTES) return undefined;
  return readExact(source, dataOffset, size);
}

const align4 = (n: number): number => (n + 3) & ~3;

interface Block {
  readonly key: string;
  readonly value: Buffer;
  readonly childrenStart: number;
  readonly end: number;
}

/** One VS_VERSIONINFO-style block at `offset` (header, key, value, children), within `limit`. */
function readBlock(data: Buffer, offset: number, limit: number): Block | undefined {
  if (offset + 6 > limit) return undefined;
  const length = data.readUInt16LE(offset);
  const valueLength = data.readUInt16LE(offset + 2);
  const type = data.readUInt16LE(offset + 4);
  const end = offset + length;
  if (length < 6 || end > limit) return undefined;
  let keyEnd = offset + 6;
  while (keyEnd + 1 < end && data.readUInt16LE(keyEnd) !== 0) keyEnd += 2;
  const key = data.toString('utf16le', offset + 6, keyEnd);
  const valueStart = Math.min(align4(keyEnd + 2), end);
  // Text values count WCHARs, binary ones bytes; some linkers count bytes for text too, so a
  // text value is simply read up to its NUL inside the block.
  const valueEnd = type === 1 ? end : Math.min(end, valueStart + valueLength);
  return { key, value: data.subarray(valueStart, valueEnd), childrenStart: Math.min(align4(valueStart + (type === 1 ? valueLength * 2 : valueLength)), end), end };
}

function children(data: Buffer, block: Block): Block[] {
  const list: Block[] = [];
  let at = block.childrenStart;
  while (at < block.end && list.length < 512) {
    const child = readBlock(data, at, block.end);
    if (child === undefined) break;
    list.push(child);
    at = align4(child.end);
  }
  return list;
}

function text(value: Buffer): string {
  const even = value.subarray(0, value.length - (value.length % 2));
  const raw = even.toString('utf16le');
  const nul = raw.indexOf('\0');
  return (nul >= 0 ? raw.slice(0, nul) : raw).trim().slice(0, MAX_VALUE_CHARS);
}

/** Parses VS_VERSIONINFO bytes into the strings we match on (first string table wins). */
export function parseVersionInfo(data: Buffer): PeVersionInfo | undefined {
  const root = readBlock(data, 0, data.length);
  if (root === undefined || root.key !== 'VS_VERSION_INFO') return undefined;
  const found: { -readonly [K in keyof PeVersionInfo]: string } = {};
  for (const fileInfo of children(data, root)) {
    if (fileInfo.key !== 'StringFileInfo') continue;
    for (const table of children(data, fileInfo)) {
      for (const entry of children(data, table)) {
        const field = WANTED[entry.key];
        const value = text(entry.value);
        if (field !== undefined && value !== '' && found[field] === undefined) found[field] = value;
      }
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** VERSIONINFO strings of a PE file, or undefined when it has none or is not a PE file. */
export function readPeVersionInfo(source: ByteSource): PeVersionInfo | undefined {
  const resource = versionResource(source);
  return resource === undefined ? undefined : parseVersionInfo(resource);
}
