/**
 * `npm run catalog [-- <lolrmm dir> [<output file>]]`: turns the LOLRMM YAML files (default
 * ../shared/data/lolrmm, 319 tools, Apache-2.0) plus assets/remote-tools-curated.ts (and -excluded.ts) into the
 * compact assets/remote-catalog.json the engine imports. Deterministic: same input, same bytes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { curatedTools, type CuratedTool } from '../assets/remote-tools-curated.js';
import { excludedTools } from '../assets/remote-tools-excluded.js';
import type { CatalogTool, RemoteCatalog } from '../src/engine/remote/catalog-types.js';
import { baseName, exeStem, globPrefix, normaliseProduct, pathSegments } from '../src/engine/remote/normalise.js';
import { isWeakDir, isWeakExe, isWeakGlob, isWeakProduct } from './catalog-stop-lists.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'lolrmm'));
const outFile = resolve(process.argv[3] ?? join(root, 'assets', 'remote-catalog.json'));

/** The parts of one LOLRMM YAML document we read (everything is optional there). */
interface LolYaml {
  readonly Name?: unknown;
  readonly Details?: { readonly PEMetadata?: unknown; readonly InstallationPaths?: unknown };
  readonly InstallationPaths?: unknown;
  readonly Artifacts?: { readonly Disk?: unknown; readonly Registry?: unknown; readonly EventLog?: unknown; readonly Network?: unknown };
}

/** Mutable sets collected for one output tool. */
interface Draft {
  exe: Set<string>;
  weakExe: Set<string>;
  exeGlobs: Set<string>;
  weakGlobs: Set<string>;
  products: Set<string>;
  services: Set<string>;
  packages: Set<string>;
  dirs: Set<string>;
  dirGlobs: Set<string>;
  installPaths: Set<string>;
  artifacts: Set<string>;
  registry: Set<string>;
  domains: Set<string>;
}

const newDraft = (): Draft => ({
  exe: new Set(), weakExe: new Set(), exeGlobs: new Set(), weakGlobs: new Set(), products: new Set(), services: new Set(),
  packages: new Set(), dirs: new Set(), dirGlobs: new Set(), installPaths: new Set(), artifacts: new Set(), registry: new Set(), domains: new Set(),
});

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
/** LOLRMM sometimes doubles backslashes inside single-quoted YAML. */
const cleanPath = (p: string): string => p.replace(/\\\\/g, '\\').trim();
/** Extensions of programs and installers; `teamviewer.app` style ids pass the length rule. */
const EXECUTABLE_EXT = new Set(['exe', 'msi', 'com', 'scr', 'bat', 'cmd', 'app', 'appimage', 'bin', 'pkg', 'dmg', 'run', 'sh', 'deb', 'rpm']);
/** Service names shared with unrelated software (WinRing0 is a hardware-monitoring driver). */
const GENERIC_SERVICES = new Set(['windows update service', 'winring0_1_2_0']);
const NOT_PROGRAM_EXT = new Set(['plist', 'bashrc', 'config', 'conf', 'json', 'sock', 'socket', 'timer']);
const looksLikeFile = (segment: string): boolean => /\.[a-z0-9]{2,8}\*?$/i.test(segment) || /\*\.[a-z]+$/i.test(segment);

function addExe(draft: Draft, rawName: string, forceWeak = false): void {
  const name = baseName(cleanPath(rawName));
  if (name === '' || name === '*' || name.includes('<') || name.includes('%')) return;
  const ext = /\.([a-z0-9]{1,8})$/.exec(name)?.[1];
  if (ext === 'service') {
    draft.services.add(name.slice(0, -'.service'.length)); // a systemd unit file
    return;
  }
  // `.dll`, `.log`, `.json`, typos are not programs; dotted ids like `kabuto.app.runner` are.
  if (ext !== undefined && !EXECUTABLE_EXT.has(ext) && (ext.length < 5 || NOT_PROGRAM_EXT.has(ext))) return;
  if (name.length > 60 || name.split(' ').length > 4) return; // prose, not a file name
  if (name.includes('*')) {
    (isWeakGlob(name) || forceWeak ? draft.weakGlobs : draft.exeGlobs).add(name);
    return;
  }
  if (/[[\]\\]/.test(name)) return; // regex fragments in the data, not names
  const weak = forceWeak || isWeakExe(name);
  (weak ? draft.weakExe : draft.exe).add(name);
  const stem = exeStem(name);
  if (stem !== name && stem.length > 0) (weak || isWeakExe(stem) ? draft.weakExe : draft.exe).add(stem);
}

function addProduct(draft: Draft, raw: string): void {
  const p = normaliseProduct(raw);
  if (p.length < 4 || p.length > 60 || isWeakProduct(p)) return;
  draft.products.add(p);
}

function addDirs(draft: Draft, rawPath: string): void {
  const segments = pathSegments(cleanPath(rawPath));
  const dirs = segments.length > 0 && looksLikeFile(segments[segments.length - 1] ?? '') ? segments.slice(0, -1) : segments;
  for (const seg of dirs) {
    if (/^[a-z]:$/.test(seg) || seg.includes('<') || seg.includes('%') || seg.includes('\\d')) continue;
    if (seg.includes('*')) {
      const prefix = globPrefix(seg);
      if (prefix.length >= 5 && !isWeakDir(prefix.trim())) draft.dirGlobs.add(seg);
      continue;
    }
    if (seg.length >= 4 && /[a-z]/.test(seg) && !isWeakDir(seg)) draft.dirs.add(seg);
  }
}

function addInstallPath(draft: Draft, raw: string): void {
  const p = cleanPath(raw);
  if (p === '') return;
  draft.installPaths.add(p);
  const hasDir = /[\\/]/.test(p);
  const last = baseName(p);
  if (!hasDir || looksLikeFile(last)) {
    if (!hasDir && !looksLikeFile(last) && !last.includes('.')) addExe(draft, last); // Linux binary / app id
    else if (looksLikeFile(last)) addExe(draft, last);
  }
  if (hasDir) addDirs(draft, p);
}

function collect(draft: Draft, doc: LolYaml): void {
  addProduct(draft, text(doc.Name));
  for (const item of list(doc.Details?.PEMetadata)) {
    if (typeof item !== 'object' || item === null) continue;
    const pe = item as Record<string, unknown>;
    for (const key of ['Filename', 'OriginalFileName']) if (text(pe[key]) !== '') addExe(draft, text(pe[key]));
    if (text(pe['Product']) !== '') addProduct(draft, text(pe['Product']));
    const description = text(pe['Description']);
    if (description !== '' && description.length <= 40 && !/[(:;]/.test(description)) addProduct(draft, description);
  }
  for (const p of [...list(doc.Details?.InstallationPaths), ...list(doc.InstallationPaths)]) addInstallPath(draft, text(p));
  for (const item of list(doc.Artifacts?.Disk)) {
    const file = cleanPath(text((item as Record<string, unknown> | null)?.['File']));
    if (file === '') continue;
    draft.artifacts.add(file);
    if (/\.exe$/i.test(file)) addExe(draft, file, /[\\/]/.test(file)); // a full path: weak name, its folder decides
  }
  for (const item of list(doc.Artifacts?.Registry)) {
    const path = cleanPath(text((item as Record<string, unknown> | null)?.['Path']));
    if (path === '') continue;
    draft.registry.add(path);
    const service = /\\CurrentControlSet\\Services\\([^\\*]+)$/i.exec(path)?.[1];
    if (service !== undefined && service.length >= 4) draft.services.add(service.toLowerCase());
  }
  for (const item of list(doc.Artifacts?.EventLog)) {
    const service = text((item as Record<string, unknown> | null)?.['ServiceName']);
    if (service.length >= 4 && !service.includes('*') && !GENERIC_SERVICES.has(service.toLowerCase())) draft.services.add(service.toLowerCase());
  }
  for (const item of list(doc.Artifacts?.Network)) {
    for (const d of list((item as Record<string, unknown> | null)?.['Domains'])) if (text(d) !== '') draft.domains.add(text(d).toLowerCase());
  }
}

function applyCurated(draft: Draft, c: CuratedTool): void {
  for (const e of c.exe ?? []) addExe(draft, e);
  for (const p of c.products ?? []) addProduct(draft, p);
  for (const s of c.services ?? []) draft.services.add(s.toLowerCase());
  for (const p of c.packages ?? []) draft.packages.add(p.toLowerCase());
  for (const d of c.dirs ?? []) draft.dirs.add(d.toLowerCase());
}

const sorted = (s: Set<string>): string[] | undefined => (s.size === 0 ? undefined : [...s].sort());

function finish(id: string, name: string, priority: number, draft: Draft, stems: string[], c?: CuratedTool): CatalogTool {
  for (const w of draft.weakExe) draft.exe.delete(w); // weak wins when a name came in both ways
  const tool: CatalogTool = {
    id, name, nameJa: c?.names.ja, priority, builtIn: c?.builtIn,
    exe: sorted(draft.exe), weakExe: sorted(draft.weakExe), exeGlobs: sorted(draft.exeGlobs), weakGlobs: sorted(draft.weakGlobs),
    products: sorted(draft.products), services: sorted(draft.services), packages: sorted(draft.packages),
    dirs: sorted(draft.dirs), dirGlobs: sorted(draft.dirGlobs),
    installPaths: sorted(draft.installPaths), artifacts: sorted(draft.artifacts), registry: sorted(draft.registry), domains: sorted(draft.domains),
    evidenceFiles: c?.evidenceFiles?.map((f) => ({ path: f.path, parser: f.parser })),
    uninstall: c?.uninstall, unattended: c?.unattended, advice: c?.advice,
    lolrmm: stems,
  };
  return JSON.parse(JSON.stringify(tool)) as CatalogTool; // drops undefined keys
}

function build(): RemoteCatalog {
  const files = readdirSync(join(dataDir, 'yaml')).filter((f) => /\.ya?ml$/.test(f)).sort();
  const docs = new Map<string, LolYaml>();
  for (const f of files) docs.set(basename(f).replace(/\.ya?ml$/, ''), parse(readFileSync(join(dataDir, 'yaml', f), 'utf8')) as LolYaml);

  const claimed = new Set<string>();
  const tools: CatalogTool[] = [];
  for (const c of curatedTools) {
    const draft = newDraft();
    for (const stem of c.lolrmm) {
      const doc = docs.get(stem);
      if (doc === undefined) throw new Error(`curated tool ${c.id} names missing LOLRMM file ${stem}`);
      collect(draft, doc);
      claimed.add(stem);
    }
    applyCurated(draft, c);
    tools.push(finish(c.id, c.names.en, c.priority, draft, [...c.lolrmm], c));
  }
  for (const stem of Object.keys(excludedTools)) if (!docs.has(stem)) throw new Error(`excluded tool ${stem} is not in the data`);
  for (const [stem, doc] of docs) {
    if (claimed.has(stem) || stem in excludedTools) continue;
    const draft = newDraft();
    collect(draft, doc);
    tools.push(finish(stem.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase(), text(doc.Name) || stem, 50, draft, [stem]));
  }
  tools.sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));
  return {
    version: 1,
    source: `LOLRMM (magicsword-io/LOLRMM), ${files.length} YAML files; see NOTICE`,
    license: 'Apache-2.0',
    tools,
    excluded: Object.entries(excludedTools).map(([id, reason]) => ({ id, reason })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const catalog = build();
const json = `${JSON.stringify(catalog)}\n`;
writeFileSync(outFile, json);
const weak = catalog.tools.reduce((n, t) => n + (t.weakExe?.length ?? 0), 0);
console.log(`remote catalog: ${catalog.tools.length} tools (${catalog.excluded.length} excluded, ${weak} weak names) → ${outFile} (${(json.length / 1024).toFixed(0)} KiB)`);
