/**
 * The catalog tools the live watch is following: each with its processes (by identity), whether
 * it is paused, and which of its processes already showed a connection. Owned by one watch.
 */
import type { PauseReason, RemoteToolRef } from '../../../shared/remote-live.js';
import type { ProcessIdentity } from '../../ports/remote-live.js';
import type { MatchedTool } from './tool-processes.js';

/** One followed tool. */
export interface TrackedTool {
  readonly ref: RemoteToolRef;
  /** Live processes by pid. */
  readonly processes: Map<number, ProcessIdentity>;
  /** Paths of its programs (to find log files beside a portable copy). */
  readonly paths: Map<number, string>;
  /** Every pid it ever had (for the end event). */
  readonly everPids: Set<number>;
  /** Pids whose connection was already reported. */
  readonly connectedPids: Set<number>;
  pause: { readonly id: string; readonly reason: PauseReason; readonly pids: Set<number> } | undefined;
  /** Known only from a log line (no process seen): dropped when nothing refers to it. */
  placeholder: boolean;
}

/** The followed tools, by tool id. */
export class ToolTable {
  private readonly byId = new Map<string, TrackedTool>();

  /** Adds a matched tool's processes; `isNew` when it had no live process before. */
  track(match: MatchedTool): { tool: TrackedTool; isNew: boolean } {
    let tool = this.byId.get(match.toolId);
    const isNew = tool === undefined || tool.processes.size === 0;
    if (tool === undefined) {
      tool = this.create({ toolId: match.toolId, tool: match.name, builtIn: match.builtIn });
    }
    tool.placeholder = false;
    for (const process of match.processes) {
      tool.processes.set(process.identity.pid, process.identity);
      tool.everPids.add(process.identity.pid);
      if (process.path !== undefined) tool.paths.set(process.identity.pid, process.path);
    }
    return { tool, isNew };
  }

  /** A tool known from its log only (its process may run as another user we cannot see). */
  placeholder(toolId: string, name: string, builtIn: boolean): TrackedTool {
    const tool = this.byId.get(toolId) ?? this.create({ toolId, tool: name, builtIn });
    if (tool.processes.size === 0 && tool.pause === undefined) tool.placeholder = true;
    return tool;
  }

  dropEmptyPlaceholders(): void {
    for (const tool of this.byId.values()) if (tool.placeholder && tool.processes.size === 0 && tool.pause === undefined) this.byId.delete(tool.ref.toolId);
  }

  forget(tool: TrackedTool, pid: number): void {
    tool.processes.delete(pid);
    tool.paths.delete(pid);
    tool.connectedPids.delete(pid);
    tool.pause?.pids.delete(pid);
  }

  drop(tool: TrackedTool): void {
    this.byId.delete(tool.ref.toolId);
  }

  byTool(toolId: string): TrackedTool | undefined {
    return this.byId.get(toolId);
  }

  byPause(pauseId: string): TrackedTool | undefined {
    for (const tool of this.byId.values()) if (tool.pause?.id === pauseId) return tool;
    return undefined;
  }

  tools(): TrackedTool[] {
    return [...this.byId.values()];
  }

  identities(): ProcessIdentity[] {
    return this.tools().flatMap((t) => [...t.processes.values()]);
  }

  runningPaths(): { toolId: string; path: string }[] {
    return this.tools().flatMap((t) => [...t.paths.values()].map((path) => ({ toolId: t.ref.toolId, path })));
  }

  private create(ref: RemoteToolRef): TrackedTool {
    const tool: TrackedTool = { ref, processes: new Map(), paths: new Map(), everPids: new Set(), connectedPids: new Set(), pause: undefined, placeholder: false };
    this.byId.set(ref.toolId, tool);
    return tool;
  }
}
