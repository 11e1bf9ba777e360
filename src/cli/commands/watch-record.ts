/**
 * What `scarestop watch` keeps besides printing: the incident record (History, report), the
 * known scam numbers for the detector, and family alerts. None of it may stop the watching:
 * if the database cannot be opened the command says so and watches anyway.
 */
import type { DetectOptions } from '../../engine/detect/index.js';
import { notifyFamilyOfWatchEvents } from '../../engine/family/watch-alerts.js';
import { createIncidentRecorder } from '../../engine/incident/incident-recorder.js';
import { systemClock } from '../../engine/watch/index.js';
import { dataHome } from '../../platform/index.js';
import { createFamilyAlerts } from '../../platform/net/family-alerts-factory.js';
import type { WatchEvent } from '../../shared/watch-events.js';
import { storeNotice } from '../../engine/incident/store-notice.js';
import { openIncidentStore } from '../../storage/index.js';
import { loadKnownNumberLookup } from '../../storage/numbers-repo.js';
import { writeLine, type CliIo } from '../io.js';
import { senderOptions } from './family-runtime.js';

/** The open record: pass `detectOptions` to the watcher and `onEvent` to its subscribers. */
export interface WatchRecord {
  readonly detectOptions: DetectOptions;
  onEvent(event: WatchEvent): void;
  close(): void;
}

const NOTHING: WatchRecord = { detectOptions: {}, onEvent: () => undefined, close: () => undefined };

/** Opens the incident store in the data folder; on failure, warns and records nothing. */
export function openWatchRecord(io: CliIo): WatchRecord {
  let store: ReturnType<typeof openIncidentStore>;
  try {
    store = openIncidentStore({ dataHome: dataHome(io.env) });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: not recording incidents (${error instanceof Error ? error.message : String(error)})`);
    return NOTHING;
  }
  const notice = storeNotice(store.openReport, 'en');
  if (notice !== undefined) writeLine(io.stderr, `scarestop watch: ${notice}`);
  if (store.openReport.kind === 'read-only') {
    // Watching and closing scam pages matter more than the record: go on without recording.
    store.close();
    return NOTHING;
  }
  const record = createIncidentRecorder(store, systemClock);
  const family = createFamilyAlerts(store.database, { clock: systemClock, senders: senderOptions(io.env) });
  family.start();
  const tellFamily = notifyFamilyOfWatchEvents(family);
  return {
    detectOptions: { isKnownScamNumber: loadKnownNumberLookup(store.database) },
    onEvent(event) {
      try {
        record(event);
      } catch (error) {
        writeLine(io.stderr, `scarestop watch: could not record an event (${error instanceof Error ? error.message : String(error)})`);
      }
      tellFamily(event);
    },
    close() {
      family.stop();
      store.close();
    },
  };
}
