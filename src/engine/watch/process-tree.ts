/**
 * Pure process-tree logic over a process listing (pid, parent pid, start time): a Toolhelp
 * snapshot on Windows, /proc on Linux. Windows keeps a dead parent's pid in its children and
 * may reuse it for a new process, so a "child" that started before its supposed parent is not
 * its child: that check keeps us from ending an unrelated process.
 */

/** One process as the tree needs it. */
export interface TreeProcess {
  readonly pid: number;
  readonly ppid: number;
  /** Start time in the OS's units (comparable between processes of one machine), when known. */
  readonly startedAt?: number;
  /** Executable file name or path, e.g. `chrome.exe`. */
  readonly name?: string;
}

/** Which processes of a tree to end, in order, and which descendants were left alone. */
export interface TreePlan {
  /** Deepest first, the root last. */
  readonly order: number[];
  /** Descendants that are not part of the browser (e.g. a program opened from a download). */
  readonly spared: TreeProcess[];
}

/** The largest tree we will end in one go: a browser has tens of processes, never thousands. */
export const MAX_TREE_SIZE = 512;

function isChildOf(child: TreeProcess, parent: TreeProcess): boolean {
  if (child.ppid !== parent.pid || child.pid === parent.pid) return false;
  if (child.startedAt !== undefined && parent.startedAt !== undefined && child.startedAt < parent.startedAt) return false;
  return true;
}

/**
 * The root and its descendants, deepest first and the root last: the order to end them in, so
 * no child is left orphaned to respawn. A descendant for which `belongs` is false (a program the
 * browser launched, like a meeting app opened from a link) is spared with its own subtree.
 * Empty when the root is not in the snapshot.
 */
export function processTreeOrder(processes: readonly TreeProcess[], rootPid: number, belongs: (process: TreeProcess) => boolean = () => true): TreePlan {
  const spared: TreeProcess[] = [];
  const root = processes.find((p) => p.pid === rootPid);
  if (root === undefined) return { order: [], spared };
  const byParent = new Map<number, TreeProcess[]>();
  for (const p of processes) {
    const siblings = byParent.get(p.ppid) ?? [];
    siblings.push(p);
    byParent.set(p.ppid, siblings);
  }
  const order: number[] = [];
  const seen = new Set<number>([root.pid]);
  // Iterative post-order: a hostile or corrupt snapshot with a cycle cannot recurse forever.
  const stack: Array<{ node: TreeProcess; expanded: boolean }> = [{ node: root, expanded: false }];
  while (stack.length > 0 && order.length < MAX_TREE_SIZE) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.expanded) {
      stack.pop();
      order.push(top.node.pid);
      continue;
    }
    top.expanded = true;
    for (const child of byParent.get(top.node.pid) ?? []) {
      if (seen.has(child.pid) || !isChildOf(child, top.node)) continue;
      seen.add(child.pid);
      if (!belongs(child)) {
        spared.push(child);
        continue;
      }
      stack.push({ node: child, expanded: false });
    }
  }
  return { order, spared };
}
