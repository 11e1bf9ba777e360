/**
 * Lookup tables over the catalog: every name, product, service, package and folder maps to the
 * tool ids that use it, so matching an inventory is a few Map lookups per item instead of
 * 264 tools × N items of pattern tests.
 */
import type { CatalogEvidenceFile, CatalogTool, RemoteCatalog } from './catalog-types.js';
import { exeStem, globPrefix, globToRegExp, leadingPhrases, leadingToken, normaliseProduct, pathSegments } from './normalise.js';

interface GlobEntry {
  readonly regex: RegExp;
  readonly toolId: string;
}

/** Tools an item points at, split by how sure the name alone is. */
export interface NameHits {
  /** The name alone identifies the tool. */
  readonly strong: ReadonlySet<string>;
  /** A generic name: it counts only with a second piece of evidence for the same tool. */
  readonly weak: ReadonlySet<string>;
}

/** An evidence file of the catalog, with its literal tail segments for matching read paths. */
export interface IndexedEvidenceFile extends CatalogEvidenceFile {
  readonly toolId: string;
  readonly tail: readonly string[];
}

type Multi = Map<string, string[]>;

function put(map: Multi, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function putGlob(map: Map<string, GlobEntry[]>, glob: string, toolId: string): void {
  const bucket = globPrefix(glob).slice(0, 3);
  const entry = { regex: globToRegExp(glob), toolId };
  const list = map.get(bucket);
  if (list === undefined) map.set(bucket, [entry]);
  else list.push(entry);
}

function globHits(map: Map<string, GlobEntry[]>, value: string, into: Set<string>): void {
  // Globs are bucketed by their first three literal characters; shorter prefixes sit under
  // their own (shorter) key, so look up each prefix length.
  for (const len of [3, 2, 1, 0]) {
    for (const entry of map.get(value.slice(0, len)) ?? []) if (entry.regex.test(value)) into.add(entry.toolId);
  }
}

/** The literal trailing segments of an evidence path (after `%VAR%`, `~` or `*`). */
function literalTail(path: string): string[] {
  const segments = pathSegments(path);
  let start = 0;
  segments.forEach((seg, i) => {
    if (seg.includes('%') || seg.includes('*') || seg === '~' || /^[a-z]:$/.test(seg)) start = i + 1;
  });
  return segments.slice(start);
}

/** Indexed catalog. Build once (a few ms) and reuse for every scan. */
export class CatalogIndex {
  readonly tools = new Map<string, CatalogTool>();
  readonly evidenceFiles: readonly IndexedEvidenceFile[];
  private readonly exe: Multi = new Map();
  private readonly weakExe: Multi = new Map();
  private readonly globs = new Map<string, GlobEntry[]>();
  private readonly weakGlobs = new Map<string, GlobEntry[]>();
  private readonly products: Multi = new Map();
  private readonly services: Multi = new Map();
  private readonly packages: Multi = new Map();
  private readonly dirs: Multi = new Map();
  private readonly dirGlobs = new Map<string, GlobEntry[]>();
  private readonly evidenceByName = new Map<string, IndexedEvidenceFile[]>();

  constructor(catalog: RemoteCatalog) {
    const evidence: IndexedEvidenceFile[] = [];
    for (const tool of catalog.tools) {
      this.tools.set(tool.id, tool);
      for (const n of tool.exe ?? []) put(this.exe, n, tool.id);
      for (const n of tool.weakExe ?? []) put(this.weakExe, n, tool.id);
      for (const g of tool.exeGlobs ?? []) putGlob(this.globs, g, tool.id);
      for (const g of tool.weakGlobs ?? []) putGlob(this.weakGlobs, g, tool.id);
      for (const p of tool.products ?? []) put(this.products, p, tool.id);
      for (const s of tool.services ?? []) put(this.services, s, tool.id);
      for (const p of tool.packages ?? []) put(this.packages, p, tool.id);
      for (const d of tool.dirs ?? []) put(this.dirs, d, tool.id);
      for (const g of tool.dirGlobs ?? []) putGlob(this.dirGlobs, g, tool.id);
      for (const file of tool.evidenceFiles ?? []) {
        const entry: IndexedEvidenceFile = { ...file, toolId: tool.id, tail: literalTail(file.path) };
        evidence.push(entry);
        const name = entry.tail[entry.tail.length - 1] ?? '';
        const list = this.evidenceByName.get(name);
        if (list === undefined) this.evidenceByName.set(name, [entry]);
        else list.push(entry);
      }
    }
    this.evidenceFiles = evidence;
  }

  /** Tools whose program file has this name (`AnyDesk.exe`, `rustdesk`, `AnyDesk (1).exe`). */
  byFileName(fileName: string): NameHits {
    const name = fileName.trim().toLowerCase();
    const stem = exeStem(name);
    const strong = new Set<string>();
    const weak = new Set<string>();
    for (const key of stem === name ? [name] : [name, stem]) {
      for (const id of this.exe.get(key) ?? []) strong.add(id);
      for (const id of this.weakExe.get(key) ?? []) weak.add(id);
    }
    globHits(this.globs, name, strong);
    globHits(this.weakGlobs, name, weak);
    if (strong.size === 0) {
      // Downloads get renamed: `AnyDesk (1).exe`, `TeamViewer_Setup_x64.exe`, `RustDesk-1.2.AppImage`.
      const token = leadingToken(name);
      if (token.length >= 5 && token !== stem) {
        for (const id of this.exe.get(token) ?? []) strong.add(id);
        for (const id of this.products.get(token) ?? []) strong.add(id);
      }
    }
    for (const id of strong) weak.delete(id);
    return { strong, weak };
  }

  /** Tools whose product / program display name this is (`TeamViewer 15`, `Splashtop Streamer`). */
  byProduct(displayName: string): Set<string> {
    const hits = new Set<string>();
    const normalised = normaliseProduct(displayName);
    if (normalised === '') return hits;
    for (const phrase of leadingPhrases(normalised)) for (const id of this.products.get(phrase) ?? []) hits.add(id);
    return hits;
  }

  /** Tools with this service / systemd unit name (`AnyDesk`, `teamviewerd.service`). */
  byService(name: string): Set<string> {
    const key = name.trim().toLowerCase().replace(/\.service$/, '');
    return new Set(this.services.get(key) ?? []);
  }

  /** Tools shipped as this Linux package (`anydesk`, `realvnc-vnc-server`). */
  byPackage(name: string): Set<string> {
    const key = name.trim().toLowerCase();
    const hits = new Set([...(this.packages.get(key) ?? []), ...(this.exe.get(key) ?? [])]);
    return hits;
  }

  /** Tools whose distinctive install folder appears in this path (`C:\Program Files\AnyDesk\x.exe`). */
  byFolder(path: string, includesFileName = true): Set<string> {
    const hits = new Set<string>();
    const segments = pathSegments(path);
    const folders = includesFileName ? segments.slice(0, -1) : segments;
    for (const seg of folders) {
      for (const id of this.dirs.get(seg) ?? []) hits.add(id);
      globHits(this.dirGlobs, seg, hits);
    }
    return hits;
  }

  /** The catalog evidence files a read path corresponds to (same literal tail, any case). */
  evidenceFor(path: string): IndexedEvidenceFile[] {
    const segments = pathSegments(path);
    const name = segments[segments.length - 1] ?? '';
    return (this.evidenceByName.get(name) ?? []).filter((entry) => {
      if (entry.tail.length > segments.length) return false;
      const offset = segments.length - entry.tail.length;
      return entry.tail.every((seg, i) => segments[offset + i] === seg);
    });
  }
}
