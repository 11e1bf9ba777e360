/**
 * Which watcher events the family hears about: a scam page that was really detected (not one
 * the user allowed). Suspicious pages, errors and status changes are not worth a message.
 */
import type { WatchEvent } from '../../shared/watch-events.js';
import type { AlertEvent } from './alert-event.js';
import { scamPageEvent } from './events-from.js';

/** The family alert for a watcher event, or `undefined` when there is none. */
export function familyAlertFromWatchEvent(event: WatchEvent): AlertEvent | undefined {
  if (event.type !== 'detected' || event.next === 'allow-listed' || event.verdict.verdict !== 'scam') return undefined;
  return scamPageEvent({ verdict: event.verdict, title: event.window.title, at: event.at, closed: false });
}

/** Anything that queues family alerts without waiting for the network (FamilyAlerts). */
export interface FamilyNotifier {
  notify(event: AlertEvent): unknown;
}

/** A watcher subscriber that queues the family alert for each detection. Never throws. */
export function notifyFamilyOfWatchEvents(family: FamilyNotifier): (event: WatchEvent) => void {
  return (event) => {
    const alert = familyAlertFromWatchEvent(event);
    if (alert !== undefined) family.notify(alert);
  };
}
