/**
 * Cleanup hints from the inventory the scan was made from: the real uninstall command of an
 * installed tool (Uninstall key / package manager), the real service names, and the catalog's
 * plain-words uninstall advice. Findings alone carry only what a person needs to read.
 */
import type { InstalledProgram, ServiceEntry } from '../ports/inventory.js';
import type { RemoteFinding } from '../../shared/remote.js';
import type { ToolCleanupHints } from './plan.js';
import type { Lang } from './texts.js';

/** The catalog facts the hints use (a subset of the remote catalog's tool). */
export interface CatalogToolFacts {
  readonly uninstall?: { readonly en: string; readonly ja: string; readonly command?: string };
}

const QUOTED = /"([^"]{1,300})"/u;
const PACKAGE_NAME = /^[a-z0-9][a-z0-9.+-]{0,100}$/u;

function uninstallFor(program: InstalledProgram): ToolCleanupHints['uninstall'] {
  if (program.uninstallCommand !== undefined && program.uninstallCommand.trim() !== '') {
    return { command: program.uninstallCommand, ...(program.quietUninstallCommand === undefined ? {} : { quietCommand: program.quietUninstallCommand }) };
  }
  // Linux packages have no uninstall string: the package manager is the uninstaller.
  if (!PACKAGE_NAME.test(program.name)) return undefined;
  if (program.source === 'dpkg') return { command: `apt-get remove -y ${program.name}` };
  if (program.source === 'rpm') return { command: `rpm -e ${program.name}` };
  return undefined;
}

/** Hints per tool id for the findings, from the same inventory snapshot. */
export function hintsFromInventory(
  findings: readonly RemoteFinding[],
  inventory: { readonly installed: readonly InstalledProgram[]; readonly services: readonly ServiceEntry[] },
  catalog: (toolId: string) => CatalogToolFacts | undefined,
  lang: Lang,
): Record<string, ToolCleanupHints> {
  const hints: Record<string, ToolCleanupHints> = {};
  for (const finding of findings) {
    let uninstall: ToolCleanupHints['uninstall'];
    const services: string[] = [];
    for (const item of finding.evidence) {
      const shown = QUOTED.exec(item.detail)?.[1];
      if (shown === undefined) continue;
      if (item.kind === 'installed' && uninstall === undefined) {
        const program = inventory.installed.find((candidate) => candidate.name === shown || shown.startsWith(candidate.name));
        if (program !== undefined) uninstall = uninstallFor(program);
      }
      if (item.kind === 'service') {
        const service = inventory.services.find((candidate) => candidate.name === shown || candidate.displayName === shown);
        if (service !== undefined && !services.includes(service.name)) services.push(service.name);
      }
    }
    const facts = catalog(finding.toolId)?.uninstall;
    const hint: ToolCleanupHints = {
      ...(uninstall === undefined ? {} : { uninstall }),
      ...(services.length === 0 ? {} : { services }),
      ...(facts === undefined ? {} : { howToUninstall: facts[lang] }),
    };
    if (Object.keys(hint).length > 0) hints[finding.toolId] = hint;
  }
  return hints;
}
