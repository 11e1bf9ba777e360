/**
 * Installed packages (dpkg-query, else rpm) and systemd services (systemctl). A missing command
 * is a failed source with a plain reason, never a crash.
 */
import type { InstalledProgram, ServiceEntry } from '../../engine/ports/inventory.js';
import { boundedSpawn, type SpawnOutcome } from './bounded-spawn.js';
import { parseDpkgQuery, parseRpmQuery, parseSystemctlUnits } from './inventory-parse.js';

const LIMITS = { timeoutMs: 20_000, maxStdoutBytes: 32 * 1024 * 1024 };

/** Why a command gave no usable output, or its stdout. */
function stdoutOf(command: string, outcome: SpawnOutcome): { ok: true; text: string } | { ok: false; error: string } {
  switch (outcome.kind) {
    case 'exited':
      return outcome.code === 0 ? { ok: true, text: outcome.stdout.toString('utf8') } : { ok: false, error: `${command} exited with ${outcome.code}: ${outcome.stderr.replace(/\s+/g, ' ').trim().slice(0, 300)}` };
    case 'not-found':
      return { ok: false, error: `${command} is not installed` };
    case 'failed-to-start':
      return { ok: false, error: `${command} could not start: ${outcome.error.message}` };
    case 'timed-out':
      return { ok: false, error: `${command} took too long` };
    case 'aborted':
      return { ok: false, error: `${command} was cancelled` };
    case 'killed':
      return { ok: false, error: `${command} was killed (${outcome.signal})` };
    case 'too-much-output':
      return { ok: false, error: `${command} printed more than ${outcome.limit} bytes` };
  }
}

/** Installed packages; throws an Error with a plain reason when no package manager answers. */
export async function listPackages(env: NodeJS.ProcessEnv): Promise<InstalledProgram[]> {
  const dpkg = stdoutOf('dpkg-query', await boundedSpawn('dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${db-fsys:Last-Modified}\t${Status}\n'], { env, ...LIMITS }));
  if (dpkg.ok) return parseDpkgQuery(dpkg.text);
  const rpm = stdoutOf('rpm', await boundedSpawn('rpm', ['-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\t%{INSTALLTIME}\n'], { env, ...LIMITS }));
  if (rpm.ok) return parseRpmQuery(rpm.text);
  throw new Error(`no package list: ${dpkg.error}; ${rpm.error}`);
}

/** systemd services with their state; throws when systemctl is missing or systemd is not running. */
export async function listServices(env: NodeJS.ProcessEnv): Promise<ServiceEntry[]> {
  const result = stdoutOf('systemctl', await boundedSpawn('systemctl', ['list-units', '--type=service', '--all', '--no-legend', '--plain', '--no-pager'], { env, ...LIMITS }));
  if (!result.ok) throw new Error(result.error);
  return parseSystemctlUnits(result.text);
}
