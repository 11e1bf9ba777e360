/**
 * Incident store numbers: one durable event (its own transaction, synchronous=FULL), a wizard
 * save (state + events in one transaction), opening a store with 10,000 events, reading its
 * timeline, and rendering the report of a 2,000-event incident.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport } from '../../src/engine/report/index.js';
import { openIncidentStore } from '../../src/storage/index.js';

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

export default async function bench(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-bench-store-'));
  try {
    const store = openIncidentStore({ dataHome: home });
    const incident = store.createIncident({ openedAt: Date.now(), title: 'bench' });
    const n = 500;
    const [, appendMs] = time(() => {
      for (let i = 0; i < n; i += 1) store.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: `event ${i}` } });
    });
    console.log(`durable appendEvent: ${(appendMs / n).toFixed(3)} ms each (${n} events, one fsync'd transaction each)`);
    let seq = 0;
    const [, wizardMs] = time(() => {
      for (let i = 0; i < 200; i += 1) {
        const saved = store.saveWizard(incident.id, seq, { step: i, answers: { paid: ['card'] } }, [{ id: `w${i}`, incidentId: incident.id, at: i, payload: { kind: 'step', step: 'disconnect', status: 'done' } }], i);
        if (saved.ok) seq = saved.value.seq;
      }
    });
    console.log(`wizard save (state + event): ${(wizardMs / 200).toFixed(3)} ms each`);
    store.database.transaction(() => {
      for (let i = n; i < 10_000; i += 1) store.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: `event ${i}` } });
    })();
    store.close();
    const [reopened, openMs] = time(() => openIncidentStore({ dataHome: home }));
    console.log(`open + integrity check + migrate, 10,200 events: ${openMs.toFixed(1)} ms`);
    const [events, readMs] = time(() => reopened.timeline(incident.id));
    console.log(`timeline read (${events.length} events): ${readMs.toFixed(1)} ms`);
    const [html, renderMs] = time(() => renderReport({ incident, timeline: events.slice(0, 2000), lang: 'ja', generatedAt: Date.now() }));
    console.log(`report render (2,000 events): ${renderMs.toFixed(1)} ms, ${(html.length / 1024).toFixed(0)} KiB`);
    reopened.close();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
