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

function globHits(map: Map<string, GlobEntry[]>, value: string): string[] | undefined {
  if (map.size === 0) return undefined;
  let hits: string[] | undefined;
  // Globs are bucketed by their first three literal characters; shorter prefixes sit under
  // their own (shorter) key, so look up each prefix length.
  for (let len = Math.min(3, value.length); len >= 0; len -= 1) {
    for (const entry of map.get(value.slice(0, len)) ?? []) if (entry.regex.test(value)) (hits ??= []).push(entry.toolId);
  }
  return hits;
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_HITS: NameHits = { strong: EMPTY, weak: EMPTY };
/** Lookup caches stay bounded: names repeat a lot (setup.exe) but a machine can hold millions. */
const CACHE_LIMIT = 50_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
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
  private readonly nameCache = new Map<string, NameHits>();
  private readonly productCache = new Map<string, ReadonlySet<string>>();

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
    const cached = this.nameCache.get(name);
    if (cached !== undefined) return cached;
    const stem = exeStem(name);
    let strong: Set<string> | undefined;
    let weak: Set<string> | undefined;
    const addStrong = (ids: readonly string[] | undefined): void => {
      if (ids !== undefined) for (const id of ids) (strong ??= new Set()).add(id);
    };
    addStrong(this.exe.get(name));
    if (stem !== name) addStrong(this.exe.get(stem));
    for (const id of [...(this.weakExe.get(name) ?? []), ...(stem !== name ? (this.weakExe.get(stem) ?? []) : [])]) (weak ??= new Set()).add(id);
    addStrong(globHits(this.globs, name));
    for (const id of globHits(this.weakGlobs, name) ?? []) (weak ??= new Set()).add(id);
    if (strong === undefined) {
      // Downloads get renamed: `AnyDesk (1).exe`, `TeamViewer_Setup_x64.exe`, `RustDesk-1.2.AppImage`.
      const token = leadingToken(name);
      if (token.length >= 5 && token !== stem) {
        addStrong(this.exe.get(token));
        addStrong(this.products.get(token));
      }
    }
    if (strong !== undefined && weak !== undefined) for (const id of strong) weak.delete(id);
    const hits: NameHits = strong === undefined && (weak === undefined || weak.size === 0) ? NO_HITS : { strong: strong ?? EMPTY, weak: weak ?? EMPTY };
    remember(this.nameCache, name, hits);
    return hits;
  }

  /** Tools whose product / program display name this is (`TeamViewer 15`, `Splashtop Streamer`). */
  byProduct(displayName: string): ReadonlySet<string> {
    const cached = this.productCache.get(displayName);
    if (cached !== undefined) return cached;
    let hits: Set<string> | undefined;
    const normalised = normaliseProduct(displayName);
    if (normalised !== '') {
      for (const phrase of leadingPhrases(normalised)) for (const id of this.products.get(phrase) ?? []) (hits ??= new Set()).add(id);
    }
    const result = hits ?? EMPTY;
    remember(this.productCache, displayName, result);
    return result;
  }

  /** Tools with this service / systemd unit name (`AnyDesk`, `teamviewerd.service`). */
  byService(name: string): ReadonlySet<string> {
    const key = name.trim().toLowerCase().replace(/\.service$/, '');
    return new Set(this.services.get(key) ?? []);
  }

  /** Tools shipped as this Linux package (`anydesk`, `realvnc-vnc-server`). */
  byPackage(name: string): ReadonlySet<string> {
    const key = name.trim().toLowerCase();
    const hits = new Set([...(this.packages.get(key) ?? []), ...(this.exe.get(key) ?? [])]);
    return hits;
  }

  /** Tools whose distinctive install folder appears in this path (`C:\\Program Files\\AnyDesk\\x.exe`). */
  byFolder(path: string, includesFileName = true): ReadonlySet<string> {
    let hits: Set<string> | undefined;
    const segments = pathSegments(path);
    const end = includesFileName ? segments.length - 1 : segments.length;
    for (let i = 0; i < end; i += 1) {
      const seg = segments[i] ?? '';
      for (const id of this.dirs.get(seg) ?? []) (hits ??= new Set()).add(id);
      for (const id of globHits(this.dirGlobs, seg) ?? []) (hits ??= new Set()).add(id);
    }
    return hits ?? EMPTY;
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
