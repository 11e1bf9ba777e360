/**
 * The handler table: one entry per request channel of the contract (the mapped type makes a
 * missing channel a compile error). Each handler only calls the services.
 */
import type { RequestArgs, RequestChannel, RequestResult } from '../shared/ipc.js';
import type { AppServices } from './app-services.js';

/** A handler gets validated arguments and returns (a promise of) the result. */
export type HandlerTable = { readonly [C in RequestChannel]: (args: RequestArgs<C>) => RequestResult<C> | Promise<RequestResult<C>> };

/** Every request channel, wired to the services. */
export function createHandlerTable(services: AppServices): HandlerTable {
  return {
    'scarestop:status': () => services.status(),
    'scarestop:settings-get': () => services.settings(),
    'scarestop:settings-set': (patch) => services.updateSettings(patch),
    'scarestop:allow-list-remove': ({ value }) => services.removeAllowed(value),
    'scarestop:pause': ({ minutes }) => services.pause(minutes),
    'scarestop:resume': () => services.resume(),
    'scarestop:alert-current': () => services.currentAlert(),
    'scarestop:alert-close': ({ alertId }) => services.closeAlert(alertId),
    'scarestop:alert-allow': ({ alertId }) => services.allowAlert(alertId),
    'scarestop:alert-dismiss': ({ alertId }) => services.dismissAlert(alertId),
    'scarestop:close-now': () => services.closeNow(),
    'scarestop:scan-run': () => services.scan(),
    'scarestop:scan-last': () => services.lastScan(),
    'scarestop:wizard-get': () => services.wizard(),
    'scarestop:wizard-start': () => services.startWizard(),
    'scarestop:wizard-answer': ({ stepId, answer }) => services.answerWizard(stepId, answer),
    'scarestop:wizard-run': ({ stepId }) => services.runWizardStep(stepId),
    'scarestop:wizard-confirm': ({ stepId, outcome }) => services.confirmWizardStep(stepId, outcome),
    'scarestop:history-list': () => services.history(),
    'scarestop:family-list': () => services.familyContacts(),
    'scarestop:family-add': (input) => services.addFamilyContact(input),
    'scarestop:family-remove': ({ id }) => services.removeFamilyContact(id),
    'scarestop:family-test': ({ id }) => services.testFamilyContact(id),
    'scarestop:history-export': ({ incidentId, language }) => services.exportReport(incidentId, language),
    'scarestop:remote-current': () => services.currentRemote(),
    'scarestop:remote-end': ({ pauseId }) => services.endRemote(pauseId),
    'scarestop:remote-known': ({ pauseId }) => services.knownRemote(pauseId),
    'scarestop:remote-dismiss': ({ pauseId, next }) => services.dismissRemote(pauseId, next),
    'scarestop:on-the-phone': ({ on }) => services.setOnThePhone(on),
  };
}
