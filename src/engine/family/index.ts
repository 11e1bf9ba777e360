/**
 * Family alerts: the public surface for main and the CLI.
 *
 *   const alerts = new FamilyAlerts({ contacts, outbox, settings, heartbeat, clock, logger,
 *     senders: (s) => createFamilySenders(s) });   // src/platform/net/family-senders.ts
 *   alerts.start();                                   // delivery loop + running marker
 *   alerts.notify(scamPageEvent({ verdict, title, at, closed }));   // durable, never waits
 *   alerts.stop();                                    // clean exit
 */
export { FamilyAlerts, type FamilyAlertsDeps, type SenderFactory } from './family-alerts.js';
export type { AlertEvent, AlertPhone } from './alert-event.js';
export { scamPageEvent, remoteToolEvent } from './events-from.js';
export { ALL_TRIGGERS, buildContact, redactUrl, type FamilyContact, type ContactStore, type TriggerKind, type AlertLanguage } from './contacts.js';
export { validateSmtp, describeSmtp, smtpWarning, PLAINTEXT_LOGIN_WARNING, type FamilySettings, type FamilySettingsStore, type SmtpSettings } from './settings.js';
export { composeAlert, composeTestMessage } from './messages.js';
export { OutboxDelivery, type DeliverySummary } from './delivery.js';
export { enqueueAlert, defaultAlertId } from './enqueue.js';
export { GuardHeartbeat, type HeartbeatStore, type PreviousRun } from './guard-heartbeat.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
