/** Reads one evidence file with the parser the catalog names for it. */
import { assertNever } from '../../../shared/result.js';
import type { EvidenceParserKind } from '../catalog-types.js';
import { parseAnyDeskConf, parseAnyDeskConnectionTrace, parseAnyDeskTrace } from './anydesk.js';
import { parseRustDeskConfig } from './rustdesk.js';
import { parseScreenConnectEvents } from './screenconnect.js';
import { parseTeamViewerConnections } from './teamviewer.js';
import { parseUltraViewerConnections } from './ultraviewer.js';
import { parseTeamViewerRegistry } from './teamviewer-registry.js';
import type { ParsedEvidence } from './types.js';

export type * from './types.js';

/** Parsers whose files are session logs (tailed live by the remote-session watch). */
export const SESSION_LOG_PARSERS: ReadonlySet<EvidenceParserKind> = new Set(['anydesk-connection-trace', 'anydesk-trace', 'teamviewer-connections', 'ultraviewer-connections']);

/** Parses `text` as the given kind of evidence file. */
export function parseEvidence(kind: EvidenceParserKind, text: string): ParsedEvidence {
  switch (kind) {
    case 'anydesk-conf':
      return parseAnyDeskConf(text);
    case 'anydesk-connection-trace':
      return parseAnyDeskConnectionTrace(text);
    case 'anydesk-trace':
      return parseAnyDeskTrace(text);
    case 'teamviewer-connections':
      return parseTeamViewerConnections(text);
    case 'ultraviewer-connections':
      return parseUltraViewerConnections(text);
    case 'screenconnect-events':
      return parseScreenConnectEvents(text);
    case 'teamviewer-registry':
      return parseTeamViewerRegistry(text);
    case 'rustdesk-config':
      return parseRustDeskConfig(text);
    case 'presence':
      return { sessions: [] };
    default:
      return assertNever(kind, 'evidence parser');
  }
}
