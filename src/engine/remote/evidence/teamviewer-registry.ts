/**
 * TeamViewer's registry key (HKLM\SOFTWARE\TeamViewer, its WOW6432Node twin, HKCU's per-user
 * settings), as the inventory renders it: one `Name=value` line per value. Unattended access is
 * on when a personal password is stored (`SecurityPasswordAES`, `SecurityPasswordExported`, older
 * `PermanentPassword`) or the PC is assigned to a TeamViewer account (`OwningManagerAccountName`
 * / `OwningManagerCompanyName`, "Easy Access": that account connects without a password).
 * `OptionsPasswordAES` only locks the settings dialog and is not access. Value names are from
 * public forensic notes and admin scripts, not from TeamViewer's documentation.
 */
import { cleanRemoteText, type ParsedEvidence } from './types.js';

const PASSWORD_VALUES = ['securitypasswordaes', 'securitypasswordexported', 'permanentpassword'];
const ACCOUNT_VALUES = ['owningmanageraccountname', 'owningmanagercompanyname'];

function valuesOf(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    values.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return values;
}

/** Set means present with some data: an empty string or zero bytes is "not set". */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== '(binary, 0 bytes)';
}

/** Why unattended access is on, from the key's values; never the password or its hash. */
export function parseTeamViewerRegistry(text: string): ParsedEvidence {
  const values = valuesOf(text);
  const reasons: string[] = [];
  if (PASSWORD_VALUES.some((name) => isSet(values.get(name)))) reasons.push('a personal password lets someone connect without asking');
  const account = ACCOUNT_VALUES.map((name) => values.get(name)).find(isSet);
  if (account !== undefined) reasons.push(`this PC is assigned to the TeamViewer account "${cleanRemoteText(account)}", which can connect without asking`);
  if (reasons.length > 0 && values.get('always_online') === '1') reasons.push('it starts with Windows');
  return reasons.length === 0 ? { sessions: [] } : { sessions: [], unattended: reasons.join('; ') };
}
