/**
 * Pure: the executable of a Windows command line, as a service's ImagePath or a Run value
 * holds it: `"C:\Program Files\AnyDesk\AnyDesk.exe" --service`, or unquoted with spaces
 * (`C:\Program Files (x86)\AnyDesk\AnyDesk.exe --service`, which Windows itself resolves by
 * trying each space as the end of the path).
 */
export function executableFromCommandLine(commandLine: string): string | undefined {
  const trimmed = commandLine.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    const path = end > 1 ? trimmed.slice(1, end) : trimmed.slice(1);
    return path === '' ? undefined : path;
  }
  const exe = /^(.*?\.(?:exe|com|scr|bat|cmd))(?=\s|$)/i.exec(trimmed);
  if (exe?.[1] !== undefined) return exe[1];
  return trimmed.split(/\s+/)[0];
}
