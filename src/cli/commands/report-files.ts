/**
 * Writes an incident's report where the person can find it: HTML (always) and PDF (when a
 * Chromium-family browser can print it), under `<data folder>/reports/`. Used by
 * `scarestop report` and by the wizard when it ends.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Lang, WizardState } from '../../engine/cleanup/index.js';
import type { IncidentId, IncidentStore } from '../../engine/ports/store.js';
import { renderReport } from '../../engine/report/index.js';
import { dataHome } from '../../platform/index.js';
import { machineFacts } from '../../platform/machine-facts.js';
import { printHtmlToPdf, type PdfOutcome } from '../../platform/pdf-print.js';

/** Where the files went; `pdf` says why there is none. */
export interface ReportFiles {
  readonly html: string;
  readonly pdf: PdfOutcome;
}

/** Renders the report HTML of an incident. */
export function reportHtml(store: IncidentStore, incidentId: IncidentId, lang: Lang, env: NodeJS.ProcessEnv): string {
  const incident = store.getIncident(incidentId);
  if (incident === undefined) throw new Error(`no incident ${incidentId}`);
  const saved = store.loadWizard(incidentId)?.state as WizardState | undefined;
  const timeZone = env['TZ'] !== undefined && env['TZ'] !== '' ? env['TZ'] : undefined;
  return renderReport({ incident, timeline: store.timeline(incidentId), ...(saved?.version === 2 ? { wizard: saved } : {}), lang, generatedAt: Date.now(), machine: machineFacts(), ...(timeZone === undefined ? {} : { timeZone }) });
}

/** Writes `html` atomically (a crash never leaves half a report under the final name). */
export function writeAtomically(target: string, html: string): void {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  writeFileSync(`${target}.tmp`, html, { flush: true, mode: 0o600 });
  renameSync(`${target}.tmp`, target);
}

/** Saves the HTML and, when possible, the PDF beside it. */
export async function saveReport(store: IncidentStore, incidentId: IncidentId, lang: Lang, env: NodeJS.ProcessEnv, target?: string): Promise<ReportFiles> {
  const html = target ?? join(dataHome(env), 'reports', `${incidentId}-${lang}.html`);
  writeAtomically(html, reportHtml(store, incidentId, lang, env));
  const pdf = await printHtmlToPdf(html, html.replace(/\.html?$/iu, '') + '.pdf', env);
  return { html, pdf };
}
