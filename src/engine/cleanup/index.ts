/** The recovery wizard: plan building, the state machine, texts and open items. */
export { CleanupWizard, type WizardDeps, type WizardStartOptions, type WizardView } from './wizard.js';
export { buildPlan, adviceFor, serviceNameOf, autostartOf, type PlanInputs, type ToolCleanupHints } from './plan.js';
export { hintsFromInventory, type CatalogToolFacts } from './hints.js';
export { scanForCleanup, type CleanupScan } from './scan-for-cleanup.js';
export { questions, questionsFor, applyAnswer, nextQuestion, type Question, type AnswerValue } from './questions.js';
export { helpActions, officialContactsFor, moneyContactsFor } from './help.js';
export { openItems, type OpenItem } from './summary.js';
export * from './texts.js';
export type * from './types.js';
export { disconnectWithJournal, reconnectFromJournal, reconnectOfferAtStart, RECONNECT_OFFER_AFTER_MS, type JournalDeps, type JournalReconnect, type ReconnectOffer } from './network-journal.js';
export { restoredItemLine, restoreSummary, reconnectOfferText } from './network-texts.js';
