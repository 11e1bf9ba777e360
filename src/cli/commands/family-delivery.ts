/**
 * The delivery side of `scarestop family`: test, status, flush, run, enqueue. Nothing here
 * prints a mail server, port, login or full webhook URL.
 */
import { parseArgs } from 'node:util';
import type { AlertEvent, AlertPhone } from '../../engine/family/alert-event.js';
import { redactUrl } from '../../engine/family/contacts.js';
import type { DeliverySummary } from '../../engine/family/delivery.js';
import { enqueueAlert } from '../../engine/family/enqueue.js';
import { composeTestMessage } from '../../engine/family/messages.js';
import { normalizeNumber } from '../../engine/numbers/normalize.js';
import type { Logger } from '../../engine/ports/clock.js';
import type { SendResult } from '../../engine/ports/notify.js';
import { systemClock } from '../../engine/watch/system-clock.js';
import { createFamilyAlerts } from '../../platform/net/family-alerts-factory.js';
import { createFamilySenders } from '../../platform/net/family-senders.js';
import { seedScamNumbers, SqliteScamNumberStore } from '../../storage/numbers-repo.js';
import type { OutboxStatusView } from '../../storage/outbox-repo.js';
import { writeLine, type CliIo } from '../io.js';
import { openFamilyRuntime, senderOptions, type FamilyRuntime } from './family-runtime.js';

type DeliveryCommand = 'test' | 'status' | 'flush' | 'run' | 'enqueue';

/** Runs one delivery subcommand with the store open. */
export async function runDeliveryCommand(command: DeliveryCommand, args: string[], io: CliIo): Promise<number> {
  const runtime = openFamilyRuntime(io, 'family');
  try {
    switch (command) {
      case 'test':
        return await test(runtime, args, io);
      case 'status':
        return status(runtime, args, io);
      case 'flush':
        return await flush(runtime, args, io);
      case 'run':
        return await runLoop(runtime, args, io);
      case 'enqueue':
        return await enqueue(runtime, args, io);
    }
  } finally {
    runtime.close();
  }
}

interface TestLine {
  readonly contactId: string;
  readonly contact: string;
  readonly channel: 'email' | 'webhook';
  readonly result: SendResult;
}

async function test(runtime: FamilyRuntime, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [only] = positionals;
  const contacts = runtime.contacts.list().filter((c) => only === undefined || c.id === only);
  if (contacts.length === 0) {
    writeLine(io.stderr, only === undefined ? 'scarestop family: no contacts to test (add one first).' : `scarestop family: no contact with id ${only}`);
    return 2;
  }
  const settings = runtime.settings.get();
  const senders = createFamilySenders(settings, senderOptions(io.env));
  const context = { ...(settings.deviceName !== undefined ? { deviceName: settings.deviceName } : {}), ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}) };
  const lines: TestLine[] = [];
  for (const contact of contacts) {
    const message = composeTestMessage(contact.language, context);
    const key = `test-${Date.now()}/${contact.id}`;
    if (contact.email !== undefined) {
      const result: SendResult =
        senders.mail === undefined
          ? { ok: false, code: 'bad-config', message: 'No mail server is set up (scarestop family smtp ...).', retryable: false }
          : await senders.mail.send({ to: contact.email, subject: message.subject, text: message.text, idempotencyKey: `${key}/email`, language: contact.language });
      lines.push({ contactId: contact.id, contact: contact.name, channel: 'email', result });
    }
    if (contact.webhook !== undefined) {
      const result = await senders.webhook.send({
        url: contact.webhook.url,
        mode: contact.webhook.mode,
        title: message.subject,
        text: message.text,
        idempotencyKey: `${key}/webhook`,
        language: contact.language,
        event: 'test',
        at: new Date().toISOString(),
      });
      lines.push({ contactId: contact.id, contact: `${contact.name} ${redactUrl(contact.webhook.url)}`, channel: 'webhook', result });
    }
  }
  if (values.json) writeLine(io.stdout, JSON.stringify({ results: lines }));
  else {
    for (const line of lines) {
      const outcome = line.result.ok ? 'sent' : `FAILED: ${line.result.message} [${line.result.code}]`;
      writeLine(io.stdout, `${line.contactId} ${line.contact} (${line.channel}): ${outcome}`);
    }
  }
  return lines.every((l) => l.result.ok) ? 0 : 1;
}

function when(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}

/** One line of History-style status. */
export function statusLine(view: OutboxStatusView): string {
  const head = `${when(view.createdAt)}  ${view.event}  ${view.contactName} (${view.channel})  ${view.state}, ${view.attempts} attempt${view.attempts === 1 ? '' : 's'}`;
  const next = view.nextAttemptAt !== undefined ? `, next try ${when(view.nextAttemptAt)}` : '';
  const error = view.lastError !== undefined && view.state !== 'delivered' ? ` — last error: ${view.lastError.message} [${view.lastError.code}]` : '';
  return head + next + error;
}

function status(runtime: FamilyRuntime, args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } } });
  const limit = values.limit === undefined ? 20 : Math.max(1, Math.min(500, Number(values.limit) || 20));
  const items = runtime.outbox.statusForHistory({ limit });
  if (values.json) writeLine(io.stdout, JSON.stringify({ counts: runtime.outbox.counts(), items }));
  else {
    if (items.length === 0) writeLine(io.stdout, 'No family alerts yet.');
    for (const item of items) writeLine(io.stdout, statusLine(item));
  }
  return 0;
}

function summaryText(summary: DeliverySummary): string {
  return `delivered ${summary.delivered}, failed ${summary.failed} (will retry), expired ${summary.expired}, busy elsewhere ${summary.busy}`;
}

async function flush(runtime: FamilyRuntime, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const summary = await runtime.alerts.flush();
  writeLine(io.stdout, values.json ? JSON.stringify(summary) : summaryText(summary));
  return summary.failed > 0 ? 1 : 0;
}

/** Log lines as JSON on stdout (`--json`) or plain text on stderr. */
function cliLogger(io: CliIo, json: boolean): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>): void => {
    if (json) writeLine(io.stdout, JSON.stringify({ level, message, ...data }));
    else writeLine(io.stderr, `${level}: ${message}${data !== undefined ? ` ${JSON.stringify(data)}` : ''}`);
  };
  return { info: (m, d) => line('info', m, d), warn: (m, d) => line('warn', m, d), error: (m, d) => line('error', m, d) };
}

/** Delivers until SIGINT/SIGTERM (as the app does in the background). */
async function deliverUntilStopped(runtime: FamilyRuntime, io: CliIo, json: boolean, first?: AlertEvent, alertId?: string, guard = false): Promise<number> {
  const alerts = createFamilyAlerts(runtime.database, { clock: systemClock, senders: senderOptions(io.env), logger: cliLogger(io, json), guard });
  const previous = alerts.start();
  if (previous !== undefined) {
    const line = previous.kind === 'unexpected' ? { level: 'warn', message: 'previous run stopped unexpectedly', lastSeenAt: new Date(previous.lastSeenAt).toISOString() } : { level: 'info', message: `previous run: ${previous.kind}` };
    writeLine(io.stdout, JSON.stringify(line));
  }
  if (first !== undefined) {
    const queued = alerts.notify(first, alertId);
    writeLine(io.stdout, JSON.stringify(queued.ok ? { level: 'info', message: 'queued', ...queued.value } : { level: 'error', message: queued.error.message }));
  }
  writeLine(io.stdout, JSON.stringify({ level: 'info', message: 'delivery running', pid: process.pid }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  alerts.stop();
  return 0;
}

async function runLoop(runtime: FamilyRuntime, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, guard: { type: 'boolean', default: false } } });
  return deliverUntilStopped(runtime, io, values.json, undefined, undefined, values.guard);
}

function phoneOf(runtime: FamilyRuntime, text: string): AlertPhone {
  const number = normalizeNumber(text);
  if (!number.ok) return { display: text, known: false };
  const table = new SqliteScamNumberStore(runtime.database);
  seedScamNumbers(table);
  return { display: text, e164: number.e164, known: table.lookup(number.e164).length > 0 };
}

async function enqueue(runtime: FamilyRuntime, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      event: { type: 'string' },
      title: { type: 'string' },
      brand: { type: 'string' },
      phone: { type: 'string' },
      tool: { type: 'string' },
      action: { type: 'string' },
      at: { type: 'string' },
      id: { type: 'string' },
      run: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const at = values.at ?? new Date().toISOString();
  let event: AlertEvent;
  switch (values.event) {
    case 'scam-page':
      event = {
        kind: 'scam-page',
        at,
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.brand !== undefined ? { brand: values.brand } : {}),
        ...(values.phone !== undefined ? { phone: phoneOf(runtime, values.phone) } : {}),
      };
      break;
    case 'remote-tool': {
      const action = values.action ?? 'started';
      if (values.tool === undefined || (action !== 'started' && action !== 'installed' && action !== 'connected')) {
        writeLine(io.stderr, 'scarestop family: remote-tool needs --tool NAME and --action started|installed|connected');
        return 2;
      }
      event = { kind: 'remote-tool', at, tool: values.tool, action };
      break;
    }
    case 'wizard-started':
      event = { kind: 'wizard-started', at };
      break;
    case 'guard-stopped':
      event = { kind: 'guard-stopped', at };
      break;
    default:
      writeLine(io.stderr, 'scarestop family: enqueue needs --event scam-page|remote-tool|wizard-started|guard-stopped');
      return 2;
  }
  if (values.run) return deliverUntilStopped(runtime, io, values.json, event, values.id);
  const settings = runtime.settings.get();
  const context = { ...(settings.deviceName !== undefined ? { deviceName: settings.deviceName } : {}), ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}) };
  const summary = enqueueAlert({ contacts: runtime.contacts, outbox: runtime.outbox, clock: systemClock, context }, event, values.id);
  writeLine(io.stdout, values.json ? JSON.stringify(summary) : `Queued ${summary.queued} message(s) for alert ${summary.alertId}${summary.duplicates > 0 ? ` (${summary.duplicates} already queued)` : ''}.`);
  return 0;
}
