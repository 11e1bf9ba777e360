/**
 * Plain-words summary of findings, most dangerous first, e.g.
 * "AnyDesk — running now from Downloads (portable), unattended access is set".
 * Shared by `scarestop scan` and anything else that prints findings as text.
 */
import type { RemoteFinding } from '../../shared/remote.js';
import type { CatalogIndex } from './catalog-index.js';
import type { ScanReport } from './scan.js';
import { folderLabel, shortTime } from './wording.js';

/** One line describing a finding. */
export function describeFinding(finding: RemoteFinding): string {
  const has = (kind: RemoteFinding['evidence'][number]['kind']): boolean => finding.evidence.some((e) => e.kind === kind);
  const parts: string[] = [];
  if (finding.risk === 'connected') parts.push('someone may be connected right now');
  const running = finding.evidence.find((e) => e.kind === 'running');
  if (running !== undefined) {
    const where = running.path !== undefined ? folderLabel(running.path) : undefined;
    parts.push(`running now${where !== undefined ? ` from ${where} (portable)` : ''}`);
  } else if (finding.evidence.some((e) => e.kind === 'service' && e.detail.includes(' is running'))) {
    parts.push('its service is running');
  }
  if (has('unattended')) parts.push('unattended access is set (someone can connect without asking)');
  const sessions = finding.evidence.filter((e) => e.kind === 'incoming-session' && e.at !== undefined);
  if (sessions.length > 0) {
    const latest = sessions.reduce((a, b) => ((a.at ?? '') > (b.at ?? '') ? a : b));
    parts.push(`incoming connections recorded, the last on ${shortTime(latest.at)}`);
  }
  if (has('service') && running === undefined && !parts.includes('its service is running')) parts.push('installed as a service');
  if (has('autostart')) parts.push('starts automatically');
  const portable = finding.evidence.find((e) => e.kind === 'portable');
  if (portable !== undefined && running === undefined) parts.push(`a copy is in ${portable.path !== undefined ? (folderLabel(portable.path) ?? 'a user folder') : 'a user folder'}`);
  if (has('installed') && parts.length === 0) parts.push('installed');
  if (finding.firstSeen !== undefined) parts.push(`first seen ${shortTime(finding.firstSeen)}`);
  const builtIn = finding.builtIn === true ? ' (part of Windows)' : '';
  return `${finding.name}${builtIn} — ${parts.join(', ')}`;
}

/** The human report of `scarestop scan`. `index` adds each tool's advice when given. */
export function summariseScan(report: ScanReport, index?: CatalogIndex): string {
  const lines: string[] = [];
  if (report.findings.length === 0) {
    lines.push('No remote-access tools found.');
  } else {
    lines.push(`Found ${report.findings.length} remote-access tool${report.findings.length === 1 ? '' : 's'} (most dangerous first):`);
    for (const f of report.findings) {
      lines.push(`  • ${describeFinding(f)}`);
      const tool = index?.tools.get(f.toolId);
      const advice = tool?.advice?.en ?? tool?.uninstall?.en;
      if (advice !== undefined) lines.push(`      What to do: ${advice}`);
    }
  }
  const failed = report.sources.filter((s) => !s.ok);
  for (const s of failed) lines.push(`  (Could not check ${s.name}: ${s.error ?? 'unknown error'})`);
  lines.push(`Checked in ${report.durationMs} ms at ${shortTime(report.scannedAt)}.`);
  return lines.join('\n');
}
