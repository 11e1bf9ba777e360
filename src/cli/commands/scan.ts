/**
 * `scarestop scan [--json]`: finds remote-access tools (installed, running, portable,
 * unattended, connected). Prints a plain summary, most dangerous first, or one JSON document
 * `{ findings, scannedAt, durationMs, sources }`. Exit status 0 even when tools are found: a
 * finding is information, not an error; 1 only when every inventory source failed.
 */
import { RemoteMatcher } from '../../engine/remote/matcher.js';
import { scanRemoteTools } from '../../engine/remote/scan.js';
import { summariseScan } from '../../engine/remote/summary.js';
import { createInventorySource } from '../../platform/index.js';
import { writeLine, type CliCommand } from '../io.js';

const HELP = [
  'Usage: scarestop scan [--json]',
  '',
  'Looks for remote-access tools (AnyDesk, TeamViewer and 260 more): installed programs,',
  'running processes, services, program files in Downloads/Desktop/Documents/temp, autostart',
  'entries, unattended-access settings and incoming-connection logs.',
  '',
  '  --json   print one JSON document {findings, scannedAt, durationMs, sources}',
].join('\n');

export const run: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    writeLine(io.stderr, `scarestop scan: unknown option ${unknown.join(' ')}\n\n${HELP}`);
    return 2;
  }
  let source;
  try {
    source = await createInventorySource({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop scan: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const matcher = new RemoteMatcher();
  const report = await scanRemoteTools(source, { clock: { now: () => Date.now() }, matcher });
  if (args.includes('--json')) writeLine(io.stdout, JSON.stringify(report, null, 2));
  else writeLine(io.stdout, summariseScan(report, matcher.index));
  return report.sources.every((s) => !s.ok) ? 1 : 0;
};
