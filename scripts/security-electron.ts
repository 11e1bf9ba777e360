/**
 * `npm run security:electron`: runs @doyensec/electronegativity over the Electron code (main,
 * preload, the renderer page and sources, staged into a temp folder so node_modules and the
 * engine are not scanned), prints every finding, and fails only on HIGH severity ones.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

/** One CSV row of electronegativity's output. */
interface Finding {
  readonly issue: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
  readonly description: string;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const stage = mkdtempSync(join(tmpdir(), 'scarestop-eneg-'));
try {
  for (const part of ['src/main', 'src/preload', 'renderer/src', 'renderer/index.html']) cpSync(join(root, part), join(stage, part), { recursive: true });
  const output = join(stage, 'findings.csv');
  // Offline: the preload answers electronegativity's two network look-ups at once (see the file);
  // the release-list check is left out because it needs the network to say anything.
  const offline = pathToFileURL(join(root, 'scripts', 'electronegativity-offline.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', offline, join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', stage, '-o', output, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'], { encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${String(run.status)}`);
  }
  const findings: Finding[] = readFileSync(output, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map(parseCsvLine)
    .map(([issue = '', severity = '', confidence = '', file = '', location = '', , description = '']) => ({ issue, severity, confidence, file, location, description }));
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue.padEnd(34)} ${f.file}:${f.location}  ${f.description}`);
  const high = findings.filter((f) => f.severity.toUpperCase() === 'HIGH');
  console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${high.length} high severity`);
  process.exitCode = high.length > 0 ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
