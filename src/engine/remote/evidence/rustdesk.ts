/**
 * RustDesk / HopToDesk settings (`RustDesk.toml`, `RustDesk2.toml`, `HopToDesk.toml`):
 * a non-empty top-level `password` is a permanent password; `verification-method =
 * 'use-permanent-password'` or `approve-mode = 'password'` means callers need no click.
 */
import type { ParsedEvidence } from './types.js';

const ENTRY = /^\s*([A-Za-z0-9_-]+)\s*=\s*(?:'([^']*)'|"([^"]*)"|(\S+))/;

/** Is unattended access (a permanent password) set? Never copies the password. */
export function parseRustDeskConfig(text: string): ParsedEvidence {
  let section = '';
  let permanentPassword = false;
  let passwordOnly = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header !== null) {
      section = header[1] ?? '';
      continue;
    }
    const m = ENTRY.exec(line);
    if (m === null) continue;
    const key = m[1] ?? '';
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (section === '' && key === 'password' && value.length > 0) permanentPassword = true;
    if (section === 'options' && key === 'verification-method' && value === 'use-permanent-password') passwordOnly = true;
    if (section === 'options' && key === 'approve-mode' && value === 'password') passwordOnly = true;
  }
  if (permanentPassword) return { sessions: [], unattended: 'a permanent password is set' };
  if (passwordOnly) return { sessions: [], unattended: 'connections are accepted with a password, without asking' };
  return { sessions: [] };
}
