/**
 * Scan results: each remote-access tool found, how dangerous it is right now, the evidence in
 * plain words, and "Remove" leading into the recovery wizard. Paths and names are text only.
 */
import type { FindingView, ScanView } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h, replaceChildren } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { dynamicKey, errorText, screenHeading, screenSection, statusLine } from './common.js';

function findingCard(finding: FindingView, ctx: ScreenContext): HTMLElement {
  const headingId = `finding-${finding.toolId.replace(/[^a-z0-9-]/gi, '-')}`;
  const evidence = finding.evidence.map((item) =>
    h(
      'li',
      {},
      t(dynamicKey('evidence', item.kind, 'evidence.installed')),
      item.path !== null ? h('span', { class: 'path' }, ' ', t('scan.where', { path: toDisplayText(item.path, 400) })) : null,
      item.at !== null ? h('span', { class: 'when' }, ` (${formatTime(item.at)})`) : null,
    ),
  );
  const remove = (): void => {
    ctx.api.call('scarestop:wizard-start', {}).then(() => ctx.navigate('wizard'), () => ctx.announce(errorText()));
  };
  return h(
    'li',
    {},
    h(
      'article',
      { class: `finding risk-${finding.risk}`, attrs: { 'aria-labelledby': headingId } },
      h('h2', { id: headingId }, toDisplayText(finding.name, 120)),
      h('p', { class: 'risk' }, t(dynamicKey('risk', finding.risk, 'risk.installed'))),
      h('ul', { class: 'evidence' }, ...evidence),
      finding.firstSeen !== null ? h('p', {}, t('scan.firstSeen', { time: formatTime(finding.firstSeen) })) : null,
      finding.builtIn
        ? h('p', { class: 'note' }, t('scan.builtIn'))
        : button(t('scan.remove', { name: toDisplayText(finding.name, 120) }), remove, { kind: 'primary', id: `remove-${finding.toolId}` }),
    ),
  );
}

function results(scan: ScanView | null, ctx: ScreenContext): (Node | null)[] {
  if (scan === null) return [h('p', {}, t('scan.notYet'))];
  const failed = scan.sources.filter((source) => !source.ok);
  return [
    h('p', { id: 'scan-checked' }, t('scan.checkedAt', { time: formatTime(scan.scannedAt) })),
    scan.findings.length === 0 ? h('p', { class: 'big done', id: 'scan-none' }, t('scan.none')) : h('p', { class: 'big' }, t('scan.found', { count: scan.findings.length })),
    scan.findings.length > 0 ? h('ul', { class: 'findings', id: 'scan-findings' }, ...scan.findings.map((finding) => findingCard(finding, ctx))) : null,
    failed.length > 0
      ? h(
          'ul',
          { class: 'sources' },
          // The part of the PC in plain words, never the scanner's internal source name.
          ...failed.map((source) => h('li', {}, t('scan.sourceFailed', { name: t(dynamicKey('scan.source', source.name, 'scan.source.other')), error: toDisplayText(source.error ?? '', 200) }))),
        )
      : null,
  ];
}

/** Renders the scan screen. */
export async function renderScan(ctx: ScreenContext): Promise<HTMLElement> {
  const last = await ctx.api.call('scarestop:scan-last', {});
  const area = h('div', { id: 'scan-results' }, ...results(last, ctx));
  const line = statusLine('scan-status');
  const run = (): void => {
    runButton.disabled = true;
    line.textContent = t('scan.running');
    ctx.api.call('scarestop:scan-run', {}).then(
      (scan) => {
        replaceChildren(area, ...results(scan, ctx));
        line.textContent = scan.findings.length === 0 ? t('scan.none') : t('scan.found', { count: scan.findings.length });
        runButton.disabled = false;
      },
      () => {
        line.textContent = errorText();
        runButton.disabled = false;
      },
    );
  };
  const runButton = button(t('scan.run'), run, { kind: 'primary', id: 'scan-run' });
  return screenSection('scan', screenHeading(t('scan.heading')), h('p', {}, t('scan.intro')), runButton, line, area);
}
