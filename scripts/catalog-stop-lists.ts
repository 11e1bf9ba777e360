/**
 * Stop-lists for the remote catalog generator: names too generic to identify a remote-access
 * tool on their own. A weak name still counts, but only with a second piece of evidence
 * (a product name or a folder of the same tool), so `setup.exe` in Downloads is not "AnyDesk".
 */
import { exeStem } from '../src/engine/remote/normalise.js';

/** Generic executable stems found in LOLRMM (and words like them). */
const GENERIC_EXE_STEMS = new Set([
  'setup', 'install', 'installer', 'uninstall', 'uninst', 'unins000', 'client', 'agent', 'service', 'server', 'svc',
  'update', 'updater', 'autoupdate', 'selfupdater', 'update-shim', 'launcher', 'helper', 'host', 'remote', 'remote_host',
  'connect', 'upload', 'download', 'app', 'main', 'start', 'tray', 'monitor', 'viewer', 'support', 'control', 'manager',
  'notificationhelper', 'closeapp', 'recycler', 'level', 'goto', 'installcore', 'installshield setup', 'appcore',
  'httpget', 'httppush', 'cpuchk', 'prep64', 'vecwait', 'nuke32', 'luedit', 'luguard', 'lulogon', 'regapps', 'winchk32',
  'dephlp', 'amon', 'rcclient', 'rcservice', 'avcore', 'wesvc', 'tiagent', 'si', 'dd', 'clm', 'bbl', 'issuser', 'softmon',
  'tmcsvc', 'connectdetector', 'duet', 'screancap', 'modulesupgrademgr', 'stahelper', 'ctes', 'rpcld', 'rpcnet',
  'monitoringagent', 'meagenthelper', 'agentinstaller', 'selfupdate', 'session', 'desktop', 'chat', 'guest',
  'agent32', 'agent64', 'agent_setup_5', 'agentu', 'client32', 'baseclient', 'fsagent', 'googlemeet', 'iadmin', 'ilias',
  'online backup', 'openssh', 'rdesktop', 'remote access', 'remote desktop', 'remoteconsole', 'rhost', 'rmmservice',
  'serverproxyservice', 'simpleservice', 'supporttool', 'sysdiag', 'tsclient', 'vhost', 'winagent', 'windowslauncher',
  'winpty-agent', 'winpty-agent64', 'usernotificationhelper', 'migrationhelper_32', 'migrationhelper_64', 'qqpcmgr',
  'qqprotect', 'statementview', 'teamtaskmanager', 'rdpcheck', 'rdpconf', 'otpowershell', 'zero-powershell', 'nvclient',
  'nvconsole', 'ptdskclient', 'pstlaunch', 'manuallauncher', 'tdp2tcp', 'edocument', 'win-installer', 'agentsetup',
  'echoserver', 'intouch', 'raccess', 'otservice', 'pcstarter', 'spsrv', 'rvagent', 'ntrntservice',
]);

/**
 * Executables of common software and of Windows / Linux itself. A LOLRMM name equal to one of
 * these (Teramind renames itself `dwm.exe`) must never be a match by name.
 */
const COMMON_SOFTWARE_STEMS = new Set([
  // Windows
  'dwm', 'svchost', 'explorer', 'csrss', 'lsass', 'services', 'winlogon', 'wininit', 'smss', 'taskhostw', 'conhost',
  'rundll32', 'regsvr32', 'msiexec', 'cmd', 'powershell', 'pwsh', 'notepad', 'mmc', 'spoolsv', 'searchhost', 'sihost',
  'ctfmon', 'runtimebroker', 'dllhost', 'audiodg', 'fontdrvhost', 'wmiprvse', 'taskmgr', 'plink', 'putty', 'ssh', 'sshd',
  // browsers, office, communication, games, cloud, antivirus
  'chrome', 'msedge', 'firefox', 'opera', 'brave', 'vivaldi', 'iexplore', 'browser', 'chromium', 'zoom', 'zoomit',
  'teams', 'ms-teams', 'msteams', 'winword', 'excel', 'powerpnt', 'outlook', 'onenote', 'onedrive', 'skype', 'slack',
  'discord', 'steam', 'steamwebhelper', 'epicgameslauncher', 'dropbox', 'googledrivefs', 'icloud', 'spotify', 'vlc',
  'acrord32', 'acrobat', 'msmpeng', 'nissrv', 'securityhealthservice', 'avp', 'avgui', 'avastui', 'avastsvc', 'ekrn',
  'egui', 'mcshield', 'mbam', 'mbamservice', 'nortonsecurity', 'ns', 'bdagent', 'vsserv', 'sophosui', 'savservice',
  'webex', 'ciscowebexstart', 'atmgr', 'line', 'kakaotalk', 'wechat', 'whatsapp', 'telegram', 'signal',
  // Linux
  'systemd', 'bash', 'sh', 'node', 'python', 'python3', 'perl', 'sleep', 'cron', 'dbus-daemon', 'xorg', 'xvfb', 'wine',
  'wineserver', 'agetty', 'login', 'sudo', 'openbox', 'chromium-browser',
]);

/** Folder names that say nothing about which tool lives there. */
const GENERIC_DIRS = new Set([
  'program files', 'program files (x86)', 'programdata', 'users', 'username', 'ieuser', 'appdata', 'local', 'roaming',
  'locallow', 'temp', 'tmp', 'windows', 'system32', 'syswow64', 'downloads', 'desktop', 'documents', 'applications',
  'library', 'application support', 'usr', 'bin', 'sbin', 'opt', 'etc', 'share', 'lib', 'var', 'log', 'logs', 'app',
  'config', 'data', 'client', 'server', 'agent', 'service', 'services', 'common files', 'microsoft', 'google', 'yandex',
  'apple', 'packages', 'files', 'updates', 'update', 'tools', 'en-us', 'x86', 'x64', 'systemprofile', 'serviceprofiles',
  'localservice', 'networkservice', 'system', 'drivers', '.unverified', 'package cache', 'microsoft garage', 'windows nt',
  'startup', 'start menu', 'programs', 'videos', 'chat', 'default', 'user data', 'extensions', 'cache', 'home', 'root',
  'system volume information', '7zip', '7-zip', 'conf', 'console', 'core', 'dashboard', 'dependencies', 'launcher',
  'level', 'nmap', 'temper', 'useragent', 'vector', 'inventec', 'storagespace', 'desktopclient', 'install c-0',
  'install c-1', 'onlineclient', 'workstation agent', 'comm agent', 'vnc4', 'solarwinds', 'freshworks', 'idrive', 'volumes', 'contents', 'macos', 'resources', 'support', 'remote', 'desktop', 'host',
  'client for rmm', 'current', 'launchagents', 'launchdaemons', 'init.d', 'systemd', 'system32\\config', 'winevt',
  'app_data', 'plugins', 'modules', 'runtime', 'helper', 'helpers', 'installer', 'setup', 'download', 'storage',
  'application data', 'local settings', 'all users', 'public', 'documents and settings', 'inetpub', 'wwwroot', 'profiles',
]);

/** Product names too generic to identify a tool (after normalisation). */
const GENERIC_PRODUCTS = new Set([
  'splash window', 'endpoint agent', 'remote desktop', 'remote support', 'remote control', 'remote access', 'agent',
  'client', 'service', 'updater', 'installer', 'setup', 'level', 'connect', 'remote', 'support', 'viewer', 'helper',
  'monitor', 'manager', 'desktop', 'screen capture', 'screan capture', 'uploads the recorded data & logs.', 'vnc',
  'terminals', 'chicken', 'teleport', 'psexec', 'centurion', 'synergy', 'remotely', 'fortra', 'rapid7', 'netreo', 'pilixo', 'duet', 'nezha', 'komari',
]);

/** True when an executable name (with or without extension) needs a second piece of evidence. */
export function isWeakExe(name: string): boolean {
  const stem = exeStem(name);
  return stem.length <= 3 || GENERIC_EXE_STEMS.has(stem) || COMMON_SOFTWARE_STEMS.has(stem);
}

/** True when a glob's literal prefix is too short or generic to trust alone. */
export function isWeakGlob(glob: string): boolean {
  const prefix = glob.slice(0, glob.indexOf('*')).replace(/[-_. ]+$/, '');
  return prefix.length < 4 || GENERIC_EXE_STEMS.has(prefix) || COMMON_SOFTWARE_STEMS.has(prefix) || prefix === 'ultimate';
}

/** True when a folder name cannot identify a tool. */
export function isWeakDir(segment: string): boolean {
  return GENERIC_DIRS.has(segment) || COMMON_SOFTWARE_STEMS.has(segment) || /^[a-z]:$/.test(segment);
}

/** True when a normalised product name cannot identify a tool. */
export function isWeakProduct(product: string): boolean {
  return GENERIC_PRODUCTS.has(product) || COMMON_SOFTWARE_STEMS.has(product);
}
