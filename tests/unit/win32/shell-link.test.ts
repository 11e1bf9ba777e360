import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellLink, shellLinkCommand } from '../../../src/platform/win32/shell-link.js';

const recorded = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'win32', 'lnk', 'anydesk-wine.lnk'));

describe('shortcut (.lnk) reader', () => {
  it('reads target and arguments of a shortcut written by the shell (IShellLinkW under Wine)', () => {
    const link = parseShellLink(recorded);
    expect(link).toEqual({ target: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe', arguments: '--control' });
    expect(link !== undefined && shellLinkCommand(link)).toBe('"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --control');
  });

  it('returns undefined for non-shortcuts and never throws on truncated ones', () => {
    expect(parseShellLink(Buffer.from('not a shortcut at all, just some text in a file'))).toBeUndefined();
    for (let length = 0; length <= recorded.length; length += 7) {
      expect(() => parseShellLink(recorded.subarray(0, length))).not.toThrow();
    }
  });
});
