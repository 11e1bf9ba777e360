/**
 * `scarestop family add|list|remove|test|smtp|set|status|flush|run|enqueue`: who is told when a
 * scam page or a remote-access tool shows up, how, and whether the alerts got through.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildContact, redactUrl, type FamilyContact } from '../../engine/family/contacts.js';
import { describeSecretKeeping } from '../../engine/family/secret-keeping.js';
import { describeSmtp, smtpWarning, validateSmtp } from '../../engine/family/settings.js';
import { writeLine, type CliCommand, type CliIo } from '../io.js';
import { dataFolderAccess, openFamilyRuntime, type FamilyRuntime } from './family-runtime.js';
import { runDeliveryCommand } from './family-delivery.js';

const HELP = `Usage: scarestop family <subcommand> [options]

  add --name NAME (--email ADDRESS | --webhook URL [--ntfy]) [--lang ja|en]
      [--triggers scam-page,remote-tool,wizard-started,guard-stopped]
  list [--json]                 contacts (webhook addresses shortened)
  remove ID
  test [ID] [--json]            send a test message now and show what happened
  smtp --host HOST --from ADDRESS [--port N] [--security starttls|tls|none]
       [--user NAME --password-env VARIABLE]      set the mail server (never shown again)
       [--allow-plaintext-login]    store a login for --security none (sent unencrypted)
  smtp --show | --clear
  set [--device-name NAME] [--time-zone Area/City]  how messages name this PC, and their times
  status [--json] [--limit N]   delivery status of recent alerts (what History shows)
  flush [--json]                try every waiting alert now
  run [--json] [--guard]        deliver in the foreground until stopped (Ctrl+C); with --guard
                                also keep the running marker, as the app does, and alert the
                                family at start if the previous run stopped unexpectedly
  enqueue --event scam-page|remote-tool|wizard-started|guard-stopped [--title T] [--brand B]
      [--phone N] [--tool NAME --action started|installed|connected] [--id ALERT_ID] [--run]
                                queue an alert as the app would (for checks and scripts)`;

function fail(io: CliIo, message: string): number {
  writeLine(io.stderr, `scarestop family: ${message}`);
  return 2;
}

function newContactId(): string {
  return `c-${randomBytes(4).toString('hex')}`;
}

function describeContact(contact: FamilyContact): string {
  const channels = [
    ...(contact.email !== undefined ? [`email ${contact.email}`] : []),
    ...(contact.webhook !== undefined ? [`webhook ${redactUrl(contact.webhook.url)}${contact.webhook.mode === 'ntfy' ? ' (ntfy)' : ''}`] : []),
  ];
  return `${contact.id}  ${contact.name}  [${contact.language}]  ${channels.join(', ')}  triggers: ${contact.triggers.join(', ') || 'none'}`;
}

/** Contact as JSON without the webhook's path and token. */
export function contactJson(contact: FamilyContact): Record<string, unknown> {
  return { ...contact, ...(contact.webhook !== undefined ? { webhook: { url: redactUrl(contact.webhook.url), mode: contact.webhook.mode } } : {}) };
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      webhook: { type: 'string' },
      ntfy: { type: 'boolean', default: false },
      lang: { type: 'string' },
      triggers: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.name === undefined) return fail(io, 'add needs --name');
  const built = buildContact(newContactId(), {
    name: values.name,
    ...(values.lang !== undefined ? { language: values.lang } : {}),
    ...(values.email !== undefined ? { email: values.email } : {}),
    ...(values.webhook !== undefined ? { webhookUrl: values.webhook, webhookMode: values.ntfy ? 'ntfy' : 'json' } : {}),
    ...(values.triggers !== undefined ? { triggers: values.triggers.split(',').map((t) => t.trim()).filter((t) => t !== '') } : {}),
  });
  if (!built.ok) return fail(io, built.error.message);
  const runtime = openFamilyRuntime(io, 'family');
  try {
    runtime.contacts.save(built.value);
    if (values.json) writeLine(io.stdout, JSON.stringify(contactJson(built.value)));
    else writeLine(io.stdout, `Added ${describeContact(built.value)}`);
    const mailServer = runtime.settings.get().smtp;
    if (built.value.email !== undefined && mailServer === undefined) {
      writeLine(io.stderr, 'Note: no mail server is set up yet: run `scarestop family smtp --host ... --from ...`.');
    }
    const warning = built.value.email === undefined ? undefined : smtpWarning(mailServer);
    if (warning !== undefined) writeLine(io.stderr, `Warning: ${warning}`);
    return 0;
  } finally {
    runtime.close();
  }
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const runtime = openFamilyRuntime(io, 'family');
  try {
    const contacts = runtime.contacts.list();
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ contacts: contacts.map(contactJson), mailServer: describeSmtp(runtime.settings.get().smtp) }));
    } else {
      if (contacts.length === 0) writeLine(io.stdout, 'No family contacts yet (scarestop family add --name ... --email ...).');
      for (const contact of contacts) writeLine(io.stdout, describeContact(contact));
      writeLine(io.stdout, `Mail server: ${describeSmtp(runtime.settings.get().smtp)}`);
    }
    return 0;
  } finally {
    runtime.close();
  }
}

async function remove(args: string[], io: CliIo): Promise<number> {
  const [id] = args;
  if (id === undefined) return fail(io, 'remove needs a contact id (see `scarestop family list`)');
  const runtime = openFamilyRuntime(io, 'family');
  try {
    if (!runtime.contacts.remove(id)) return fail(io, `no contact with id ${id}`);
    writeLine(io.stdout, `Removed ${id}.`);
    return 0;
  } finally {
    runtime.close();
  }
}

function secretKeeping(runtime: FamilyRuntime): string {
  return describeSecretKeeping(runtime.secrets.protection, dataFolderAccess(runtime.database.name));
}

async function smtp(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      security: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      from: { type: 'string' },
      show: { type: 'boolean', default: false },
      clear: { type: 'boolean', default: false },
      'allow-plaintext-login': { type: 'boolean', default: false },
    },
  });
  const runtime = openFamilyRuntime(io, 'family');
  try {
    const current = runtime.settings.get();
    if (values.show) {
      writeLine(io.stdout, `Mail server: ${describeSmtp(current.smtp)}`);
      writeLine(io.stdout, secretKeeping(runtime));
      return 0;
    }
    if (values.clear) {
      const { smtp: _removed, ...rest } = current;
      runtime.settings.set(rest);
      writeLine(io.stdout, 'Mail server removed.');
      return 0;
    }
    let password: string | undefined;
    const passwordEnv = values['password-env'];
    if (passwordEnv !== undefined) {
      password = io.env[passwordEnv];
      if (password === undefined) return fail(io, `the environment variable named by --password-env is not set`);
    }
    const checked = validateSmtp({
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values.port !== undefined ? { port: values.port } : {}),
      ...(values.security !== undefined ? { security: values.security } : {}),
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
    }, { allowPlaintextLogin: values['allow-plaintext-login'] });
    if (!checked.ok) return fail(io, checked.error.message);
    const warning = smtpWarning(checked.value);
    if (warning !== undefined) writeLine(io.stderr, `Warning: ${warning}`);
    runtime.settings.set({ ...current, smtp: checked.value });
    writeLine(io.stdout, `Mail server ${describeSmtp(checked.value)}. Check it with \`scarestop family test\`.`);
    writeLine(io.stdout, secretKeeping(runtime));
    return 0;
  } finally {
    runtime.close();
  }
}

async function set(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'device-name': { type: 'string' }, 'time-zone': { type: 'string' } } });
  const zone = values['time-zone'];
  if (zone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      return fail(io, `unknown time zone "${zone.slice(0, 40)}" (use e.g. Asia/Tokyo)`);
    }
  }
  const runtime = openFamilyRuntime(io, 'family');
  try {
    const current = runtime.settings.get();
    const device = values['device-name']?.trim();
    runtime.settings.set({ ...current, ...(device !== undefined ? { deviceName: device.slice(0, 40) } : {}), ...(zone !== undefined ? { timeZone: zone } : {}) });
    writeLine(io.stdout, 'Saved.');
    return 0;
  } finally {
    runtime.close();
  }
}

const subcommands: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = {
  add,
  list,
  remove,
  smtp,
  set,
  test: (args, io) => runDeliveryCommand('test', args, io),
  status: (args, io) => runDeliveryCommand('status', args, io),
  flush: (args, io) => runDeliveryCommand('flush', args, io),
  run: (args, io) => runDeliveryCommand('run', args, io),
  enqueue: (args, io) => runDeliveryCommand('enqueue', args, io),
};

export const run: CliCommand = async (args, io) => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    writeLine(io.stdout, HELP);
    return name === undefined ? 2 : 0;
  }
  const sub = subcommands[name];
  if (sub === undefined) return fail(io, `unknown subcommand "${name}"\n\n${HELP}`);
  try {
    return await sub(rest, io);
  } catch (error) {
    // A record that cannot be written right now is explained by the CLI's entry point.
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw error;
    // parseArgs throws on unknown options; say it plainly.
    return fail(io, error instanceof Error ? error.message : String(error));
  }
};
