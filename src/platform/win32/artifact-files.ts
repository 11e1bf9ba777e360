/**
 * Reads catalog artifact files on Windows (AnyDesk service.conf, connection_trace.txt,
 * TeamViewer Connections_incoming.txt…): expands the pattern, walks wildcards with bounds,
 * and reads at most ARTIFACT_MAX_BYTES of each file (the END of a bigger one: logs append).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACT_MAX_BYTES, type ArtifactFile } from '../../engine/ports/inventory.js';
import { decodeArtifactText, expandWindowsPath, toArtifactPattern, type ArtifactPattern } from './artifact-paths.js';

const MAX_MATCHES_PER_PATTERN = 64;
const MAX_DIRS_LISTED = 2000;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM';
}

async function matches(pattern: ArtifactPattern, budget: { dirs: number }): Promise<string[]> {
  let current = [pattern.root];
  for (const segment of pattern.segments) {
    const next: string[] = [];
    for (const dir of current) {
      if ('literal' in segment) {
        next.push(join(dir, segment.literal));
        continue;
      }
      if (budget.dirs-- <= 0) break;
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isMissing(error)) continue; // absence (or no rights to a folder) is not an error
        throw error;
      }
      for (const name of names) if (segment.match.test(name)) next.push(join(dir, name));
    }
    current = next.slice(0, MAX_MATCHES_PER_PATTERN);
  }
  return current;
}

async function readArtifact(path: string): Promise<ArtifactFile | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  if (!info.isFile()) return undefined;
  const truncated = info.size > ARTIFACT_MAX_BYTES;
  const length = Math.min(info.size, ARTIFACT_MAX_BYTES);
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, info.size - length);
    return {
      path,
      content: decodeArtifactText(bytes.subarray(0, bytesRead)),
      size: info.size,
      modifiedAt: info.mtime.toISOString(),
      ...(truncated ? { truncated: true } : {}),
    };
  } finally {
    await handle.close();
  }
}

/** The files one catalog path points at right now (wildcards walked with bounds). */
export async function expandWin32Path(raw: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const expanded = expandWindowsPath(raw, env);
  const pattern = expanded === undefined ? undefined : toArtifactPattern(expanded);
  return pattern === undefined ? [] : matches(pattern, { dirs: MAX_DIRS_LISTED });
}

/** Reads every existing file the catalog paths point at (deduplicated, bounded). */
export async function readWin32Artifacts(paths: readonly string[], env: NodeJS.ProcessEnv): Promise<ArtifactFile[]> {
  const budget = { dirs: MAX_DIRS_LISTED };
  const seen = new Set<string>();
  const files: ArtifactFile[] = [];
  for (const raw of paths) {
    const expanded = expandWindowsPath(raw, env);
    const pattern = expanded === undefined ? undefined : toArtifactPattern(expanded);
    if (pattern === undefined) continue;
    for (const path of await matches(pattern, budget)) {
      const key = path.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const file = await readArtifact(path);
      if (file !== undefined) files.push(file);
    }
  }
  return files;
}
