/** History: every incident with its timeline, and "Save a report" for the family, bank or police. */
import type { IncidentView } from '../../../src/shared/ipc.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { button, h } from '../dom.js';
import { formatTime, language, t } from '../i18n.js';
import type { ScreenContext } from '../screen.js';
import { errorText, screenHeading, screenSection, statusLine } from './common.js';

function incidentCard(incident: IncidentView, ctx: ScreenContext): HTMLElement {
  const headingId = `incident-${incident.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const line = statusLine(`${headingId}-status`);
  const exportReport = (): void => {
    ctx.api.call('scarestop:history-export', { incidentId: incident.id, language: language() }).then(
      (saved) => {
        line.textContent = t('history.exported', { path: saved.path });
      },
      () => {
        line.textContent = errorText();
      },
    );
  };
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'incident', attrs: { 'aria-labelledby': headingId } },
      h('h2', { id: headingId }, `${formatTime(incident.startedAt)} — ${toDisplayText(incident.title)}`),
      incident.sessions.length > 0 ? h('h3', { id: `${headingId}-sessions` }, t('history.sessions')) : null,
      incident.sessions.length > 0 ? h('ul', { class: 'sessions', attrs: { 'aria-labelledby': `${headingId}-sessions` } }, ...incident.sessions.map((line) => h('li', {}, toDisplayText(line, 1200)))) : null,
      h('h3', {}, t('history.timeline')),
      h('ol', { class: 'timeline' }, ...incident.timeline.map((entry) => h('li', {}, h('span', { class: 'when' }, formatTime(entry.at)), ' ', toDisplayText(entry.text, 400)))),
      button(t('history.export'), exportReport, { id: `export-${incident.id}` }),
      line,
    ),
  );
}

/** Renders the history screen. */
export async function renderHistory(ctx: ScreenContext): Promise<HTMLElement> {
  const incidents = await ctx.api.call('scarestop:history-list', {});
  return screenSection(
    'history',
    screenHeading(t('history.heading')),
    incidents.length === 0 ? h('p', { class: 'big', id: 'history-empty' }, t('history.empty')) : h('ul', { class: 'incidents', id: 'history-list' }, ...incidents.map((incident) => incidentCard(incident, ctx))),
  );
}
