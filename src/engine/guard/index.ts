/** The guard: the one composition both front doors start (see guard.ts). */
export { createGuard } from './guard.js';
export { familyAlertForTool, type ToolSighting } from './family-rule.js';
export type { FamilyAlertsPort, Guard, GuardEvent, GuardOptions, GuardPlugin, GuardPluginContext, GuardPorts } from './guard-api.js';
