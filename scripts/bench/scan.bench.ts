/**
 * Remote-access scan speed: matching a synthetic inventory (3,000 installed programs, 500
 * processes, 20,000 user files) against the full catalog (target ≤ 300 ms), and one real scan
 * of this machine through the OS adapter. Prints numbers; never fails on time.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { InstalledProgram, InventorySnapshot, ProcessEntry, UserFileEntry } from '../../src/engine/ports/inventory.js';
import { loadCatalog } from '../../src/engine/remote/catalog.js';
import { RemoteMatcher } from '../../src/engine/remote/matcher.js';
import { scanRemoteTools } from '../../src/engine/remote/scan.js';
import { createInventorySource } from '../../src/platform/index.js';

const VENDORS = ['Microsoft', 'Google', 'Adobe', 'Mozilla', 'Valve', 'Zoom', 'Dropbox', 'NVIDIA', 'Intel', 'Realtek', 'HP', 'Canon', 'Epson', 'Oracle', 'Python'];
const WORDS = ['Update', 'Helper', 'Runtime', 'Driver', 'Studio', 'Player', 'Viewer', 'Manager', 'Assistant', 'Service', 'Tools', 'Suite', 'Client', 'Agent', 'Setup'];
const TOOLS = ['AnyDesk.exe', 'TeamViewer.exe', 'rustdesk.exe', 'UltraViewer_Desktop.exe', 'ScreenConnect.ClientService.exe'];

/** Deterministic pseudo-random numbers (same inventory every run). */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

export function syntheticInventory(): InventorySnapshot {
  const r = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const installed: InstalledProgram[] = Array.from({ length: 3_000 }, (_, i) => {
    const vendor = pick(VENDORS);
    const name = i % 600 === 0 ? 'TeamViewer 15' : `${vendor} ${pick(WORDS)} ${pick(WORDS)} ${i}`;
    return { name, publisher: vendor, version: `${i % 30}.${i % 7}.${i}`, installLocation: `C:\\Program Files\\${vendor}\\${name}`, uninstallCommand: `"C:\\Program Files\\${vendor}\\${name}\\uninstall.exe" /S`, source: 'HKLM' };
  });
  const processes: ProcessEntry[] = Array.from({ length: 500 }, (_, i) => {
    const exe = i % 100 === 0 ? pick(TOOLS) : `${pick(WORDS).toLowerCase()}${i}.exe`;
    return { pid: 1000 + i, name: exe, path: `C:\\Program Files\\${pick(VENDORS)}\\${exe}`, startedAt: '2026-11-22T10:00:00Z' };
  });
  const userFiles: UserFileEntry[] = Array.from({ length: 20_000 }, (_, i) => {
    const name = i % 2_000 === 0 ? pick(TOOLS) : i % 3 === 0 ? 'setup.exe' : `${pick(WORDS)}_${pick(WORDS)}_${i}.exe`;
    return { path: `C:\\Users\\Hanako\\Downloads\\folder${i % 50}\\${name}`, name, modifiedAt: '2026-11-22T10:00:00Z', ...(i % 5 === 0 ? { productName: `${pick(VENDORS)} ${pick(WORDS)}` } : {}) };
  });
  const ok = <T>(items: readonly T[]): { ok: true; items: readonly T[] } => ({ ok: true, items });
  return { installed: ok(installed), processes: ok(processes), services: ok([]), userFiles: ok(userFiles), autostart: ok([]), artifacts: ok([]), connections: ok([]) };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export default async function bench(): Promise<void> {
  let t = performance.now();
  const catalog = loadCatalog();
  const matcher = new RemoteMatcher(catalog);
  console.log(`catalog: ${catalog.tools.length} tools; index built in ${(performance.now() - t).toFixed(1)} ms (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores: wall times include waiting for the CPU)`);

  const inventory = syntheticInventory();
  new RemoteMatcher(catalog).match(inventory, Date.now()); // JIT warm-up, not measured
  const cold: number[] = [];
  const warm: number[] = [];
  const coldCpu: number[] = [];
  let found = 0;
  for (let i = 0; i < 5; i += 1) {
    const fresh = new RemoteMatcher(catalog); // empty name caches: every lookup is computed
    t = performance.now();
    const cpu = process.cpuUsage();
    found = fresh.match(inventory, Date.now()).length;
    cold.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    coldCpu.push((used.user + used.system) / 1000);
    t = performance.now();
    fresh.match(inventory, Date.now()); // the watch and later scans reuse the matcher
    warm.push(performance.now() - t);
  }
  console.log(
    `synthetic match (3,000 installed, 500 processes, 20,000 user files, ${catalog.tools.length} tools): ` +
      `median ${median(cold).toFixed(1)} ms with a fresh matcher (${median(coldCpu).toFixed(1)} ms CPU), ${median(warm).toFixed(1)} ms reused (target ≤ 300 ms); ${found} tools found`,
  );

  try {
    const source = await createInventorySource();
    const real: number[] = [];
    let report;
    for (let i = 0; i < 3; i += 1) {
      report = await scanRemoteTools(source, { clock: { now: () => Date.now() }, matcher });
      real.push(report.durationMs);
    }
    const failed = report?.sources.filter((s) => !s.ok).map((s) => s.name).join(', ') ?? '';
    const tools = report?.findings.map((f) => f.toolId).join(', ') ?? '';
    console.log(`real scan of this machine: median ${median(real)} ms (runs: ${real.join(', ')} ms), ${report?.findings.length ?? 0} findings${tools !== '' ? ` (${tools})` : ''}${failed !== '' ? `, failed sources: ${failed}` : ''}`);
  } catch (error) {
    console.log(`real scan of this machine: not available here (${error instanceof Error ? error.message : String(error)})`);
  }
}
