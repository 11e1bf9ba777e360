/**
 * Inventory → findings. Each inventory item is looked up in the catalog index (a few Map
 * lookups), never tested against every tool. A generic name (`setup.exe`) counts only when a
 * second piece of evidence (product name, tool folder) points at the same tool.
 */
import { isEventLogPath, isRegistryKeyPath, type InventorySnapshot, type SourceResult } from '../ports/inventory.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { CatalogIndex, type NameHits } from './catalog-index.js';
import { loadCatalog } from './catalog.js';
import type { RemoteCatalog } from './catalog-types.js';
import { parseEvidence, type IncomingSession } from './evidence/index.js';
import { RECENT_SESSION_MS, ToolEvidence, toFindings } from './findings.js';
import { baseName } from './normalise.js';
import { folderLabel, isUserFolder, programOf, shortTime, shown } from './wording.js';

/** At most this many sessions per file become separate evidence; older ones are summed up. */
const SESSIONS_SHOWN = 5;
const CONNECTIONS_SHOWN = 3;

const itemsOf = <T>(result: SourceResult<T>): readonly T[] => (result.ok ? result.items : []);
const union = (...sets: Iterable<string>[]): Set<string> => new Set(sets.flatMap((s) => [...s]));
/** Strong name hits, plus weak ones another piece of evidence confirms. */
const confirmed = (hits: NameHits, support: ReadonlySet<string>): Set<string> => union(hits.strong, [...hits.weak].filter((id) => support.has(id)));

const AUTH_WORDS: Readonly<Record<IncomingSession['auth'], string>> = {
  user: ', accepted by clicking Accept',
  password: ', let in with the unattended-access password',
  token: ', let in with a remembered login',
  rejected: ', refused',
  unknown: '',
};

/**
 * The one tool an item belongs to when several share a name (LOLRMM lists `tvnserver.exe` under
 * TightVNC and TigerVNC): the curated one, else the first by id, so one process is one finding.
 */
function bestOf(index: CatalogIndex, ids: ReadonlySet<string>): string[] {
  let best: { id: string; priority: number } | undefined;
  for (const id of ids) {
    const priority = index.tools.get(id)?.priority ?? Number.MAX_SAFE_INTEGER;
    if (best === undefined || priority < best.priority || (priority === best.priority && id < best.id)) best = { id, priority };
  }
  return best === undefined ? [] : [best.id];
}

/** Matches inventories against the catalog. Build once; `match` is pure and fast. */
export class RemoteMatcher {
  readonly index: CatalogIndex;

  constructor(catalog: RemoteCatalog = loadCatalog()) {
    this.index = new CatalogIndex(catalog);
  }

  /** The evidence files to ask the inventory adapter for (`InventorySource.snapshot`). */
  artifactPaths(): string[] {
    return [...new Set(this.index.evidenceFiles.map((f) => f.path))];
  }

  /** Findings for one inventory snapshot, most dangerous first. `now` is epoch ms. */
  match(snapshot: InventorySnapshot, now: number): RemoteFinding[] {
    const found = new Map<string, ToolEvidence>();
    const toolPids = new Map<number, Set<string>>();
    const at = (id: string): ToolEvidence | undefined => {
      let entry = found.get(id);
      if (entry === undefined) {
        const tool = this.index.tools.get(id);
        if (tool === undefined) return undefined;
        entry = new ToolEvidence(tool);
        found.set(id, entry);
      }
      return entry;
    };
    const notePid = (pid: number | undefined, id: string): void => {
      if (pid === undefined) return;
      const ids = toolPids.get(pid) ?? new Set<string>();
      ids.add(id);
      toolPids.set(pid, ids);
    };
    const ix = this.index;

    for (const p of itemsOf(snapshot.installed)) {
      const program = p.uninstallCommand !== undefined ? programOf(p.uninstallCommand) : '';
      const folders = union(p.installLocation !== undefined ? ix.byFolder(p.installLocation, false) : [], program !== '' ? ix.byFolder(program) : []);
      const ids = union(ix.byProduct(p.name), ix.byPackage(p.name), folders, program !== '' ? confirmed(ix.byFileName(baseName(program)), folders) : []);
      for (const id of bestOf(ix, ids)) {
        at(id)?.add({
          kind: 'installed',
          detail: `Installed program "${shown(p.name)}"${p.version !== undefined ? ` ${shown(p.version, 30)}` : ''}`,
          ...(p.installLocation !== undefined ? { path: p.installLocation } : {}),
          ...(p.installedAt !== undefined ? { at: p.installedAt } : {}),
        });
      }
    }

    for (const pr of itemsOf(snapshot.processes)) {
      const fileName = baseName(pr.path ?? pr.name);
      const folders = pr.path !== undefined ? ix.byFolder(pr.path) : new Set<string>();
      const product = union(pr.productName !== undefined ? ix.byProduct(pr.productName) : [], pr.originalFilename !== undefined ? ix.byFileName(pr.originalFilename).strong : []);
      // The process name and the program in its command line stay what they were at start, even
      // when the file was renamed or moved since (a running copy moved away is still the tool).
      const started = pr.commandLine !== undefined ? baseName(programOf(pr.commandLine)) : '';
      const otherNames = [...new Set([pr.name.toLowerCase(), started])].filter((name) => name !== '' && name !== fileName);
      const names = [ix.byFileName(fileName), ...otherNames.map((name) => ix.byFileName(name))];
      const ids = union(folders, product, ...names.map((hits) => confirmed(hits, union(folders, product))));
      const where = pr.path !== undefined ? folderLabel(pr.path) : undefined;
      for (const id of bestOf(ix, ids)) {
        notePid(pr.pid, id);
        at(id)?.add({
          kind: 'running',
          detail: `Running now: ${shown(pr.name)} (process ${pr.pid})${where !== undefined ? ` from ${where}${isUserFolder(pr.path) ? ' (portable copy)' : ''}` : ''}`,
          ...(pr.path !== undefined ? { path: pr.path } : {}),
          pid: pr.pid,
          ...(pr.startedAt !== undefined ? { at: pr.startedAt } : {}),
        });
      }
    }

    for (const s of itemsOf(snapshot.services)) {
      const image = s.imagePath !== undefined ? programOf(s.imagePath) : '';
      const folders = image !== '' ? ix.byFolder(image) : new Set<string>();
      const named = union(ix.byService(s.name), s.displayName !== undefined ? union(ix.byService(s.displayName), ix.byProduct(s.displayName)) : []);
      const ids = union(named, folders, image !== '' ? confirmed(ix.byFileName(baseName(image)), union(named, folders)) : []);
      for (const id of bestOf(ix, ids)) {
        const entry = at(id);
        if (entry === undefined) continue;
        if (s.state === 'running') entry.serviceRunning = true;
        notePid(s.pid, id);
        entry.add({
          kind: 'service',
          detail: `Service "${shown(s.displayName ?? s.name)}" is ${s.state === 'other' ? 'present' : s.state}; it starts without anyone logging in`,
          ...(image !== '' ? { path: image } : {}),
          ...(s.pid !== undefined ? { pid: s.pid } : {}),
        });
      }
    }

    for (const f of itemsOf(snapshot.userFiles)) {
      // The common case (thousands of unrelated files) costs one cached name lookup.
      const nameHits = ix.byFileName(f.name);
      if (nameHits.strong.size === 0 && nameHits.weak.size === 0 && f.productName === undefined && f.originalFilename === undefined) continue;
      const product = union(f.productName !== undefined ? ix.byProduct(f.productName) : [], f.originalFilename !== undefined ? ix.byFileName(f.originalFilename).strong : []);
      const ids = union(product, confirmed(nameHits, nameHits.weak.size > 0 ? union(product, ix.byFolder(f.path)) : product));
      const renamed = product.size > 0 && f.productName !== undefined && !f.name.toLowerCase().includes(f.productName.toLowerCase()) ? ` (its file information says "${shown(f.productName, 40)}")` : '';
      for (const id of bestOf(ix, ids)) {
        at(id)?.add({ kind: 'portable', detail: `Program file ${shown(f.name)} in ${folderLabel(f.path) ?? 'a user folder'}${renamed}`, path: f.path, ...(f.modifiedAt !== undefined ? { at: f.modifiedAt } : {}) });
      }
    }

    for (const a of itemsOf(snapshot.autostart)) {
      const program = programOf(a.command);
      const folders = ix.byFolder(program);
      const product = ix.byProduct(a.name);
      const ids = union(folders, product, confirmed(ix.byFileName(baseName(program)), union(folders, product)));
      for (const id of bestOf(ix, ids)) at(id)?.add({ kind: 'autostart', detail: `Starts automatically: "${shown(a.name)}" (${shown(a.source)})`, path: program });
    }

    for (const file of itemsOf(snapshot.artifacts)) {
      for (const entry of ix.evidenceFor(file.path)) {
        const tool = at(entry.toolId);
        if (tool === undefined) continue;
        const parsed = parseEvidence(entry.parser, file.content ?? '');
        // A registry key is shown whole and carries no path: it is not a file to quarantine
        // (the tool's uninstaller removes it).
        const registry = isRegistryKeyPath(file.path) || isEventLogPath(file.path);
        const name = registry ? file.path : baseName(file.path);
        const stamp = file.modifiedAt !== undefined ? { at: file.modifiedAt } : {};
        if (parsed.unattended !== undefined) {
          tool.add({ kind: 'unattended', detail: `Unattended access is set: ${parsed.unattended} (${name})`, ...(registry ? {} : { path: file.path }), ...stamp });
        }
        this.addSessions(tool, parsed.sessions, file.path, now);
        if (parsed.unattended === undefined && parsed.sessions.length === 0) {
          tool.add({ kind: 'installed', detail: `Its settings or log file is on this computer (${name})`, ...(registry ? {} : { path: file.path }), ...stamp });
        }
      }
    }

    const shownConnections = new Map<string, number>();
    for (const c of itemsOf(snapshot.connections)) {
      if (c.pid === undefined || !/^established$/i.test(c.state) || isLoopback(c.remoteAddress)) continue;
      for (const id of toolPids.get(c.pid) ?? []) {
        const count = shownConnections.get(id) ?? 0;
        if (count >= CONNECTIONS_SHOWN) continue;
        shownConnections.set(id, count + 1);
        at(id)?.add({ kind: 'connected', detail: `Has an open connection to ${shown(c.remoteAddress, 45)} port ${c.remotePort}`, pid: c.pid });
      }
    }

    return toFindings(found.values(), now);
  }

  private addSessions(tool: ToolEvidence, sessions: readonly IncomingSession[], path: string, now: number): void {
    const dated = [...sessions].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
    for (const s of dated) {
      if (s.auth === 'rejected' || s.at === undefined) continue;
      const t = Date.parse(s.at);
      if (!Number.isNaN(t) && t <= now && (tool.lastAcceptedSession === undefined || t > tool.lastAcceptedSession)) tool.lastAcceptedSession = t;
      // TeamViewer writes the end time when a session closes: none yet = possibly still open.
      if (s.endedAt === undefined && path.toLowerCase().includes('connections_incoming') && !Number.isNaN(t) && now - t <= RECENT_SESSION_MS) tool.openSession = true;
    }
    // An event log or registry key is no file (nothing to quarantine): the evidence names none.
    const where = isRegistryKeyPath(path) || isEventLogPath(path) ? {} : { path };
    for (const s of dated.slice(0, SESSIONS_SHOWN)) {
      const who = s.remoteName !== undefined ? ` from "${s.remoteName}"` : '';
      const id = s.remoteId !== undefined ? ` (caller ${s.remoteId})` : '';
      tool.add({ kind: 'incoming-session', detail: `Incoming connection on ${shortTime(s.at)}${AUTH_WORDS[s.auth]}${who}${id}`, ...where, ...(s.at !== undefined ? { at: s.at } : {}) });
    }
    const older = dated.slice(SESSIONS_SHOWN);
    const first = older[older.length - 1];
    if (first !== undefined) {
      tool.add({ kind: 'incoming-session', detail: `${older.length} earlier incoming connections in the log, the first on ${shortTime(first.at)}`, ...where, ...(first.at !== undefined ? { at: first.at } : {}) });
    }
  }
}

function isLoopback(address: string): boolean {
  return /^(127\.|0\.0\.0\.0$|::1$|::$|::ffff:127\.)/.test(address);
}
