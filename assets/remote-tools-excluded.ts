/**
 * LOLRMM entries the remote catalog leaves out (read by scripts/build-remote-catalog.ts).
 * Keys are LOLRMM YAML file stems; the generator fails if one disappears from the data.
 */

/**
 * LOLRMM entries left out of the catalog, with why. Reporting an antivirus, a screen reader or
 * an outgoing file-transfer client as "a remote-access tool" would tell a frightened user to
 * remove something they need; none of these lets a caller take over this computer.
 */
export const excludedTools: Readonly<Record<string, string>> = {
  'sophos-remote_management_system': 'part of Sophos antivirus',
  eset_remote_administrator: 'part of ESET antivirus management',
  rapid7: 'security monitoring agent',
  tanium: 'security/endpoint management agent',
  taniumdeploy: 'security/endpoint management agent',
  'absolute_(computrace)': 'anti-theft firmware agent preinstalled on many laptops',
  nvda: 'screen reader (accessibility); remote use needs an add-on',
  putty: 'outgoing SSH client',
  putty_tray: 'outgoing SSH client',
  superputty: 'outgoing SSH client',
  'solar-putty': 'outgoing SSH client',
  extraputty: 'outgoing SSH client',
  kitty: 'outgoing SSH client',
  smartty: 'outgoing SSH client',
  securecrt: 'outgoing SSH client',
  xshell: 'outgoing SSH client',
  zoc: 'outgoing SSH client',
  mobaxterm: 'outgoing SSH/terminal client',
  bitvise_ssh_client: 'outgoing SSH client',
  chrome_ssh_extension: 'outgoing SSH client',
  winscp: 'outgoing file-transfer client',
  smartftp: 'outgoing file-transfer client',
  s3_browser: 'cloud storage client',
  megasync: 'cloud file sync',
  syncthing: 'file sync',
  'yandex.disk': 'cloud file sync',
  insync: 'cloud file sync',
  koofr: 'cloud file sync',
  multcloud: 'cloud file sync',
  nordlocker: 'encrypted cloud storage',
  dragondisk: 'cloud storage client',
  duplicati: 'backup software',
  basecamp: 'project-management web app',
  remmina: 'outgoing remote-desktop client',
  freerdp: 'outgoing remote-desktop client',
  rdcman: 'outgoing remote-desktop client',
  rdclient: 'outgoing remote-desktop client',
  terminals: 'outgoing remote-desktop client',
  mremoteng: 'outgoing remote-desktop client',
  free_ping_tool: 'network diagnostic tool',
};
