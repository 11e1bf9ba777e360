/**
 * Timeline payloads: bounded and redacted before they are written, validated when read back
 * (a row that no longer parses is skipped rather than breaking History or the report).
 */
import { z } from 'zod';
import type { TimelinePayload } from '../engine/ports/store.js';
import type { Evidence, RemoteFinding } from '../shared/remote.js';
import { safeText } from '../engine/report/redact.js';
import { assertNever } from '../shared/result.js';

const status = z.enum(['done', 'not-needed', 'failed', 'skipped', 'started', 'needs-admin']);

const evidence = z.object({
  kind: z.enum(['installed', 'running', 'service', 'portable', 'autostart', 'unattended', 'incoming-session', 'connected']),
  detail: z.string(),
  path: z.string().optional(),
  pid: z.number().int().optional(),
  at: z.string().optional(),
});

const finding = z.object({
  toolId: z.string(),
  name: z.string(),
  priority: z.number(),
  builtIn: z.boolean().optional(),
  evidence: z.array(evidence),
  risk: z.enum(['connected', 'running', 'unattended', 'installed']),
  firstSeen: z.string().optional(),
});

const payloadSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('detection'),
    title: z.string(),
    verdict: z.enum(['scam', 'suspicious']),
    score: z.number(),
    brand: z.string().optional(),
    phones: z.array(z.string()),
    browser: z.string().optional(),
  }),
  z.object({ kind: z.literal('action'), action: z.string(), status, detail: z.string().optional() }),
  z.object({ kind: z.literal('finding'), finding }),
  z.object({ kind: z.literal('answer'), question: z.string(), answer: z.union([z.string(), z.array(z.string())]) }),
  z.object({ kind: z.literal('step'), step: z.string(), status, detail: z.string().optional() }),
  z.object({ kind: z.literal('alert'), channel: z.string(), status, detail: z.string().optional() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
  z.object({ kind: z.literal('page'), url: z.string(), host: z.string(), title: z.string(), knownAfterMs: z.number() }),
  z.object({
    kind: z.literal('remote'),
    event: z.enum(['started', 'connected', 'paused', 'resumed', 'ended']),
    toolId: z.string(),
    tool: z.string(),
    code: z.string().optional(),
    pids: z.array(z.number().int()).optional(),
    session: z
      .object({
        toolId: z.string(),
        tool: z.string(),
        direction: z.enum(['incoming', 'outgoing']),
        remoteId: z.string().optional(),
        remoteName: z.string().optional(),
        startedAt: z.string().optional(),
        endedAt: z.string().optional(),
        approval: z.enum(['clicked-accept', 'unattended-password', 'remembered-login', 'refused', 'unknown']),
        fileTransfers: z.array(z.string()),
        source: z.string(),
      })
      .optional(),
  }),
]);

/** Parses stored JSON; undefined when it is not a payload this version understands. */
export function parsePayload(json: string): TimelinePayload | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined; // counted as unreadable by the caller
  }
  const parsed = payloadSchema.safeParse(raw);
  return parsed.success ? (parsed.data as TimelinePayload) : undefined;
}

const opt = (text: string | undefined, max?: number) => (text === undefined ? undefined : safeText(text, max));

function sanitizeEvidence(item: Evidence): Evidence {
  return { ...item, detail: safeText(item.detail), path: opt(item.path, 1000) };
}

function sanitizeFinding(item: RemoteFinding): RemoteFinding {
  return { ...item, name: safeText(item.name, 120), evidence: item.evidence.slice(0, 50).map(sanitizeEvidence) };
}

/** Bounds every text field and hides secret-looking values before a payload is stored. */
export function sanitizePayload(payload: TimelinePayload): TimelinePayload {
  switch (payload.kind) {
    case 'detection':
      return {
        ...payload,
        title: safeText(payload.title, 300),
        brand: opt(payload.brand, 80),
        phones: payload.phones.slice(0, 10).map((phone) => safeText(phone, 40)),
        browser: opt(payload.browser, 80),
      };
    case 'action':
      return { ...payload, action: safeText(payload.action, 120), detail: opt(payload.detail) };
    case 'finding':
      return { ...payload, finding: sanitizeFinding(payload.finding) };
    case 'answer':
      return {
        ...payload,
        question: safeText(payload.question, 80),
        answer: typeof payload.answer === 'string' ? safeText(payload.answer, 300) : payload.answer.slice(0, 20).map((a) => safeText(a, 80)),
      };
    case 'step':
      return { ...payload, step: safeText(payload.step, 80), detail: opt(payload.detail) };
    case 'alert':
      return { ...payload, channel: safeText(payload.channel, 80), detail: opt(payload.detail) };
    case 'note':
      return { ...payload, text: safeText(payload.text, 2000) };
    case 'page':
      return { ...payload, url: safeText(payload.url, 2048), host: safeText(payload.host, 253), title: safeText(payload.title, 300) };
    case 'remote': {
      const session = payload.session;
      return {
        ...payload,
        tool: safeText(payload.tool, 120),
        code: opt(payload.code, 40),
        pids: payload.pids?.slice(0, 50),
        session:
          session === undefined
            ? undefined
            : {
                ...session,
                tool: safeText(session.tool, 120),
                remoteId: opt(session.remoteId, 80),
                remoteName: opt(session.remoteName, 80),
                fileTransfers: session.fileTransfers.slice(0, 20).map((f) => safeText(f, 300)),
                source: safeText(session.source, 80),
              },
      };
    }
    default:
      return assertNever(payload, 'timeline payload');
  }
}
