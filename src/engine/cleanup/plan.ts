/**
 * Builds the recovery plan from what is known (scan findings, recent detections) and the
 * answers (see {@link buildPlan} for the order).
 * Pure: the same inputs give the same plan.
 */
import type { HelpContact } from '../ports/store.js';
import type { Evidence, RemoteFinding } from '../../shared/remote.js';
import { helpActions } from './help.js';
import { questionsFor } from './questions.js';
import type { AdviceId, Answers, Plan, PlanAction, PlanContext, PlanStep } from './types.js';

/** Extra facts about a tool the findings do not carry (from the inventory / catalog). */
export interface ToolCleanupHints {
  readonly uninstall?: { readonly command: string; readonly quietCommand?: string };
  readonly services?: readonly string[];
  readonly autostart?: readonly { readonly name: string; readonly source: string }[];
  /** Plain words: how to uninstall by hand (catalog text). */
  readonly howToUninstall?: string;
}

/** Inputs of {@link buildPlan}. */
export interface PlanInputs {
  readonly context: PlanContext;
  readonly answers: Answers;
  readonly helpContacts: readonly HelpContact[];
  readonly hints?: Readonly<Record<string, ToolCleanupHints>>;
  readonly now: number;
}

const LIVE: ReadonlySet<Evidence['kind']> = new Set(['running', 'connected']);

function baseName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

/** Service name from a `service` evidence: its path, else the quoted or leading name in `detail`. */
export function serviceNameOf(evidence: Evidence): string | undefined {
  const quoted = /["“']([^"”']{1,200})["”']/u.exec(evidence.detail)?.[1];
  if (quoted !== undefined) return quoted;
  const plain = /^(?:service\s*:?\s*)?([\w .@-]{1,200}?)(?:\s*\(|\s+is\s|$)/iu.exec(evidence.detail.trim())?.[1];
  return plain === undefined || plain.trim() === '' ? undefined : plain.trim();
}

/** Autostart entry from the scanner's wording: `Starts automatically: "NAME" (SOURCE)`. */
export function autostartOf(evidence: Evidence): { name: string; source: string } | undefined {
  const match = /"([^"]{1,200})"\s*\(([^()]{1,400})\)\s*$/u.exec(evidence.detail);
  return match?.[1] === undefined || match[2] === undefined ? undefined : { name: match[1], source: match[2] };
}

// Built-in client programs whose window is the session: closing them ends it. Never a service.
const BUILT_IN_CLIENT = /^(?:quickassist|mstsc)(?:\.exe)?$/iu;

function endSessionStep(finding: RemoteFinding, hints: ToolCleanupHints | undefined): PlanStep | undefined {
  const builtIn = finding.builtIn === true;
  const actions: PlanAction[] = builtIn ? [{ kind: 'manual', id: 'leave-builtin-session', toolName: finding.name }] : [];
  const pids = new Set<number>();
  for (const item of finding.evidence) {
    if (!LIVE.has(item.kind) || item.pid === undefined || pids.has(item.pid)) continue;
    const name = item.path === undefined ? finding.name : baseName(item.path);
    if (builtIn && !BUILT_IN_CLIENT.test(name)) continue;
    pids.add(item.pid);
    actions.push({ kind: 'stop-process', pid: item.pid, name, ...(item.path === undefined ? {} : { path: item.path }) });
  }
  // The inventory's real service names win; the name shown in the evidence is the fallback.
  const services = new Set<string>(builtIn ? [] : (hints?.services ?? []));
  if (services.size === 0 && !builtIn) {
    for (const item of finding.evidence) {
      if (item.kind !== 'service') continue;
      const name = serviceNameOf(item);
      if (name !== undefined) services.add(name);
    }
  }
  for (const name of services) actions.push({ kind: 'stop-service', name });
  const live = finding.evidence.some((item) => LIVE.has(item.kind));
  if (actions.length === 0 || (builtIn && !live)) return undefined;
  // A session is over only when no process of the tool runs any more: checked, not assumed.
  actions.push({ kind: 'check-stopped', toolId: finding.toolId });
  return { id: `end-session:${finding.toolId}`, kind: 'end-session', toolId: finding.toolId, toolName: finding.name, admin: services.size > 0 ? 'required' : 'maybe', actions };
}

function removeStep(finding: RemoteFinding, hints: ToolCleanupHints | undefined): PlanStep {
  const actions: PlanAction[] = [];
  const installed = finding.evidence.some((item) => item.kind === 'installed');
  if (hints?.uninstall !== undefined) {
    actions.push({ kind: 'uninstall', toolName: finding.name, command: hints.uninstall.command, ...(hints.uninstall.quietCommand === undefined ? {} : { quietCommand: hints.uninstall.quietCommand }) });
  } else if (installed) {
    actions.push({ kind: 'manual-uninstall', toolName: finding.name, ...(hints?.howToUninstall === undefined ? {} : { how: hints.howToUninstall }) });
  }
  const paths = new Set<string>();
  for (const item of finding.evidence) {
    if ((item.kind === 'portable' || item.kind === 'unattended') && item.path !== undefined && !paths.has(item.path)) {
      paths.add(item.path);
      actions.push({ kind: 'quarantine', path: item.path, why: item.kind, toolId: finding.toolId });
    }
  }
  // A running portable copy that the scanner saw only as a process: quarantine its file too.
  for (const item of finding.evidence) {
    if (LIVE.has(item.kind) && item.path !== undefined && !installed && !paths.has(item.path)) {
      paths.add(item.path);
      actions.push({ kind: 'quarantine', path: item.path, why: 'portable', toolId: finding.toolId });
    }
  }
  const autostart = new Map<string, { name: string; source: string }>();
  for (const entry of hints?.autostart ?? []) autostart.set(`${entry.source}|${entry.name}`, entry);
  for (const item of finding.evidence) {
    const entry = item.kind === 'autostart' ? autostartOf(item) : undefined;
    if (entry !== undefined) autostart.set(`${entry.source}|${entry.name}`, entry);
  }
  for (const entry of autostart.values()) actions.push({ kind: 'remove-autostart', name: entry.name, source: entry.source });
  actions.push({ kind: 'rescan', toolId: finding.toolId });
  const admin = actions.some((action) => action.kind === 'uninstall') ? 'required' : 'maybe';
  return { id: `remove:${finding.toolId}`, kind: 'remove', toolId: finding.toolId, toolName: finding.name, admin, actions };
}

/** Money-and-accounts advice that applies to these answers and findings. */
export function adviceFor(answers: Answers, findings: readonly RemoteFinding[]): AdviceId[] {
  const advice: AdviceId[] = [];
  const paid = answers.paid ?? [];
  const typed = answers.typedSecrets ?? [];
  if (paid.includes('card') || typed.includes('card')) advice.push('call-card-company');
  if (paid.includes('bank-transfer') || typed.includes('bank')) advice.push('call-bank');
  if (paid.includes('gift-card')) advice.push('gift-card-issuer');
  if (paid.includes('e-money')) advice.push('e-money-provider');
  // Someone who saw or controlled the screen may have seen any password typed meanwhile.
  const controlled = answers.remoteControl !== 'no' && (answers.remoteControl !== undefined || findings.some((f) => f.builtIn !== true || f.risk === 'connected' || f.risk === 'running'));
  if (typed.includes('passwords') || controlled || answers.typedSecrets === undefined) advice.push('change-passwords');
  const moneyRisk = paid.some((p) => p !== 'none') || typed.some((t) => t !== 'none') || controlled || answers.paid === undefined;
  if (moneyRisk) advice.push('watch-statements');
  if (answers.openedAttachment === 'yes' || answers.openedAttachment === 'unsure') advice.push('scan-attachment');
  // After remote control the scammer may have left something behind: a full scan (IPA's advice).
  else if (controlled) advice.push('full-scan');
  return advice;
}

/**
 * The plan, in the order the police and IPA give: hang up, cut the internet, close the scary
 * page, end remote sessions — then the questions — then remove the tools, money and accounts,
 * where to get help, and reconnect. Built-in Windows features get a session step, never removal.
 */
export function buildPlan(inputs: PlanInputs): Plan {
  const { context, answers } = inputs;
  const tools = context.findings.filter((finding) => finding.builtIn !== true);
  const steps: PlanStep[] = [
    { id: 'hang-up', kind: 'hang-up', admin: 'never', actions: [{ kind: 'manual', id: 'hang-up' }] },
    { id: 'disconnect', kind: 'disconnect', admin: 'maybe', actions: [{ kind: 'network-off' }] },
    { id: 'close-browser', kind: 'close-browser', admin: 'never', actions: [{ kind: 'manual', id: 'close-browser' }] },
  ];
  // Built-in sessions first: Quick Assist open now is the scammer at the screen now.
  const bySessionUrgency = [...context.findings].sort((a, b) => Number(b.builtIn === true) - Number(a.builtIn === true));
  for (const finding of bySessionUrgency) {
    const step = endSessionStep(finding, inputs.hints?.[finding.toolId]);
    if (step !== undefined) steps.push(step);
  }
  steps.push({ id: 'questions', kind: 'questions', admin: 'never', actions: questionsFor(answers).map((question) => ({ kind: 'question', id: question.id })) });
  for (const finding of tools) steps.push(removeStep(finding, inputs.hints?.[finding.toolId]));
  const advice = adviceFor(answers, context.findings);
  if (advice.length > 0) steps.push({ id: 'accounts', kind: 'accounts', admin: 'never', actions: advice.map((id) => ({ kind: 'advice', id })) });
  steps.push({ id: 'help', kind: 'help', admin: 'never', actions: helpActions(context.region, answers, inputs.helpContacts) });
  steps.push({ id: 'reconnect', kind: 'reconnect', admin: 'maybe', actions: [{ kind: 'network-on' }] });
  return { builtAt: inputs.now, region: context.region, steps };
}
