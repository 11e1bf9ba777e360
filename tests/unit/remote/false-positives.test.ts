// A realistic inventory of an ordinary home PC (Windows) and desktop (Linux): browsers, Zoom,
// Teams, Office, Steam, Discord, Dropbox, LINE, antivirus products, Windows' own processes.
// None of it is a remote-access tool, so the matcher must report nothing.
import { describe, expect, it } from 'vitest';
import type { AutostartEntry, InstalledProgram, ProcessEntry, ServiceEntry, UserFileEntry } from '../../../src/engine/ports/inventory.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { snapshot } from './support/inventory.js';

const PF = 'C:\\Program Files';
const PF86 = 'C:\\Program Files (x86)';
const LOCAL = 'C:\\Users\\Hanako\\AppData\\Local';

const programs: [string, string, string][] = [
  ['Google Chrome', 'Google LLC', `${PF}\\Google\\Chrome\\Application`],
  ['Microsoft Edge', 'Microsoft Corporation', `${PF86}\\Microsoft\\Edge\\Application`],
  ['Mozilla Firefox (x64 ja)', 'Mozilla', `${PF}\\Mozilla Firefox`],
  ['Zoom Workplace', 'Zoom Video Communications, Inc.', `${LOCAL}\\..\\Roaming\\Zoom\\bin`],
  ['Microsoft Teams', 'Microsoft Corporation', `${LOCAL}\\Microsoft\\Teams`],
  ['Microsoft 365 Apps for business - ja-jp', 'Microsoft Corporation', `${PF}\\Microsoft Office`],
  ['Steam', 'Valve Corporation', `${PF86}\\Steam`],
  ['Discord', 'Discord Inc.', `${LOCAL}\\Discord`],
  ['Dropbox', 'Dropbox, Inc.', `${PF86}\\Dropbox\\Client`],
  ['Microsoft OneDrive', 'Microsoft Corporation', `${LOCAL}\\Microsoft\\OneDrive`],
  ['LINE', 'LY Corporation', `${LOCAL}\\LINE\\bin`],
  ['ESET Security', 'ESET, spol. s r.o.', `${PF}\\ESET\\ESET Security`],
  ['Sophos Endpoint Agent', 'Sophos Limited', `${PF}\\Sophos\\Sophos Endpoint Agent`],
  ['Norton 360', 'Gen Digital Inc.', `${PF}\\Norton\\Suite`],
  ['ウイルスバスター クラウド', 'Trend Micro Inc.', `${PF}\\Trend Micro\\Titanium`],
  ['Kaspersky Standard', 'Kaspersky', `${PF86}\\Kaspersky Lab\\Kaspersky 21.15`],
  ['McAfee LiveSafe', 'McAfee, LLC', `${PF}\\McAfee`],
  ['Malwarebytes version 5.1', 'Malwarebytes', `${PF}\\Malwarebytes\\Anti-Malware`],
  ['Avast Free Antivirus', 'Avast Software', `${PF}\\Avast Software\\Avast`],
  ['Adobe Acrobat Reader', 'Adobe', `${PF}\\Adobe\\Acrobat DC`],
  ['VLC media player', 'VideoLAN', `${PF}\\VideoLAN\\VLC`],
  ['7-Zip 23.01 (x64)', 'Igor Pavlov', `${PF}\\7-Zip`],
  ['Spotify', 'Spotify AB', `${LOCAL}\\..\\Roaming\\Spotify`],
  ['Slack', 'Slack Technologies', `${LOCAL}\\slack`],
  ['Yandex', 'Yandex', `${LOCAL}\\Yandex\\YandexBrowser\\Application`],
  ['PowerToys (Preview) x64', 'Microsoft Corporation', `${PF}\\PowerToys`],
  ['NVIDIA Graphics Driver 551.86', 'NVIDIA Corporation', `${PF}\\NVIDIA Corporation`],
  ['Microsoft Visual C++ 2015-2022 Redistributable (x64)', 'Microsoft Corporation', ''],
  ['Epic Games Launcher', 'Epic Games, Inc.', `${PF86}\\Epic Games`],
  ['Webex', 'Cisco Webex LLC', `${LOCAL}\\CiscoSparkLauncher`],
];

const processNames: [string, string][] = [
  ['chrome.exe', `${PF}\\Google\\Chrome\\Application\\chrome.exe`],
  ['msedge.exe', `${PF86}\\Microsoft\\Edge\\Application\\msedge.exe`],
  ['firefox.exe', `${PF}\\Mozilla Firefox\\firefox.exe`],
  ['Zoom.exe', 'C:\\Users\\Hanako\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe'],
  ['ms-teams.exe', `${PF}\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe`],
  ['WINWORD.EXE', `${PF}\\Microsoft Office\\root\\Office16\\WINWORD.EXE`],
  ['EXCEL.EXE', `${PF}\\Microsoft Office\\root\\Office16\\EXCEL.EXE`],
  ['OUTLOOK.EXE', `${PF}\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE`],
  ['steam.exe', `${PF86}\\Steam\\steam.exe`],
  ['steamwebhelper.exe', `${PF86}\\Steam\\bin\\cef\\cef.win7x64\\steamwebhelper.exe`],
  ['Discord.exe', `${LOCAL}\\Discord\\app-1.0.9163\\Discord.exe`],
  ['Dropbox.exe', `${PF86}\\Dropbox\\Client\\Dropbox.exe`],
  ['OneDrive.exe', `${LOCAL}\\Microsoft\\OneDrive\\OneDrive.exe`],
  ['LINE.exe', `${LOCAL}\\LINE\\bin\\current\\LINE.exe`],
  ['MsMpEng.exe', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe'],
  ['ekrn.exe', `${PF}\\ESET\\ESET Security\\ekrn.exe`],
  ['SophosHealth.exe', `${PF}\\Sophos\\Endpoint Defense\\SophosHealth.exe`],
  ['McsClient.exe', `${PF}\\Sophos\\Management Communications System\\Endpoint\\McsClient.exe`],
  ['avp.exe', `${PF86}\\Kaspersky Lab\\Kaspersky 21.15\\avp.exe`],
  ['AvastUI.exe', `${PF}\\Avast Software\\Avast\\AvastUI.exe`],
  ['MBAMService.exe', `${PF}\\Malwarebytes\\Anti-Malware\\MBAMService.exe`],
  ['coreServiceShell.exe', `${PF}\\Trend Micro\\AMSP\\coreServiceShell.exe`],
  ['dwm.exe', 'C:\\Windows\\System32\\dwm.exe'],
  ['svchost.exe', 'C:\\Windows\\System32\\svchost.exe'],
  ['explorer.exe', 'C:\\Windows\\explorer.exe'],
  ['RuntimeBroker.exe', 'C:\\Windows\\System32\\RuntimeBroker.exe'],
  ['SearchHost.exe', 'C:\\Windows\\SystemApps\\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\\SearchHost.exe'],
  ['PowerToys.MouseWithoutBordersHelper.exe', `${PF}\\PowerToys\\PowerToys.MouseWithoutBordersHelper.exe`],
  ['Spotify.exe', 'C:\\Users\\Hanako\\AppData\\Roaming\\Spotify\\Spotify.exe'],
  ['browser.exe', `${LOCAL}\\Yandex\\YandexBrowser\\Application\\browser.exe`],
  ['CiscoCollabHost.exe', `${LOCAL}\\CiscoSparkLauncher\\CiscoCollabHost.exe`],
  ['update.exe', `${LOCAL}\\Discord\\Update.exe`],
  ['setup.exe', 'C:\\Users\\Hanako\\AppData\\Local\\Temp\\7zS4A1B\\setup.exe'],
  // Linux desktop
  ['chromium', '/usr/lib/chromium/chromium'],
  ['firefox-esr', '/usr/lib/firefox-esr/firefox-esr'],
  ['zoom', '/opt/zoom/zoom'],
  ['teams-for-linux', '/opt/teams-for-linux/teams-for-linux'],
  ['steam', '/home/h/.local/share/Steam/ubuntu12_32/steam'],
  ['Discord', '/usr/share/discord/Discord'],
  ['dropbox', '/home/h/.dropbox-dist/dropbox-lnx.x86_64-205.4.6107/dropbox'],
  ['systemd', '/usr/lib/systemd/systemd'],
  ['sshd', '/usr/sbin/sshd'],
  ['Xorg', '/usr/lib/xorg/Xorg'],
  ['pulseaudio', '/usr/bin/pulseaudio'],
  ['node', '/usr/bin/node'],
];

const installed: InstalledProgram[] = programs.map(([name, publisher, installLocation]) => ({ name, publisher, ...(installLocation !== '' ? { installLocation } : {}), source: 'HKLM' }));
const linuxPackages = ['chromium', 'firefox-esr', 'libreoffice-writer', 'openssh-client', 'openssh-server', 'zoom', 'teams-for-linux', 'steam-installer', 'discord', 'dropbox', 'thunderbird', 'vlc', 'clamav', 'x11-utils', 'xvfb', 'wine', 'putty', 'remmina', 'syncthing', 'openbox', 'tigervnc-viewer'];
const processes: ProcessEntry[] = processNames.map(([name, path], i) => ({ pid: 100 + i, name, path }));
const services: ServiceEntry[] = [
  { name: 'WinDefend', displayName: 'Microsoft Defender Antivirus Service', state: 'running' },
  { name: 'ekrn', displayName: 'ESET Service', state: 'running', imagePath: `"${PF}\\ESET\\ESET Security\\ekrn.exe"` },
  { name: 'Sophos MCS Agent', displayName: 'Sophos MCS Agent', state: 'running', imagePath: `"${PF}\\Sophos\\Management Communications System\\Endpoint\\McsAgent.exe"` },
  { name: 'Steam Client Service', displayName: 'Steam Client Service', state: 'stopped' },
  { name: 'DbxSvc', displayName: 'Dropbox Service', state: 'running' },
  { name: 'edgeupdate', displayName: 'Microsoft Edge Update Service (edgeupdate)', state: 'stopped' },
  { name: 'Spooler', displayName: 'Print Spooler', state: 'running' },
  { name: 'TermService', displayName: 'Remote Desktop Services', state: 'stopped' },
  { name: 'ssh', displayName: 'OpenBSD Secure Shell server', state: 'running' },
  { name: 'cups', displayName: 'CUPS Scheduler', state: 'running' },
];
const userFiles: UserFileEntry[] = [
  'ChromeSetup.exe', 'ZoomInstallerFull.exe', 'DiscordSetup.exe', 'SteamSetup.exe', 'DropboxInstaller.exe', 'OfficeSetup.exe',
  'MSTeamsSetup.exe', 'Firefox Installer.exe', 'LineInst.exe', 'ESETOnlineScanner.exe', 'mbsetup.exe', 'avast_free_antivirus_setup_online.exe',
  'setup.exe', 'install.exe', 'vlc-3.0.21-win64.exe', '7z2301-x64.exe', 'python-3.12.4-amd64.exe', 'npp.8.6.9.Installer.x64.exe', 'update.exe',
].map((name) => ({ path: `C:\\Users\\Hanako\\Downloads\\${name}`, name }));
const autostart: AutostartEntry[] = [
  { name: 'Discord', command: `${LOCAL}\\Discord\\Update.exe --processStart Discord.exe`, source: 'HKCU Run' },
  { name: 'Steam', command: `"${PF86}\\Steam\\steam.exe" -silent`, source: 'HKCU Run' },
  { name: 'OneDrive', command: `"${LOCAL}\\Microsoft\\OneDrive\\OneDrive.exe" /background`, source: 'HKCU Run' },
  { name: 'Dropbox', command: '/usr/bin/dropbox start -i', source: '/etc/xdg/autostart/dropbox.desktop' },
  { name: 'AT-SPI D-Bus Bus', command: '/usr/libexec/at-spi-bus-launcher --launch-immediately', source: '/etc/xdg/autostart/at-spi-dbus-bus.desktop' },
];

describe('no false positives on common software', () => {
  it('reports nothing for an ordinary home PC', () => {
    const found = new RemoteMatcher().match(
      snapshot({ installed: [...installed, ...linuxPackages.map((name) => ({ name, source: 'dpkg' }))], processes, services, userFiles, autostart }),
      Date.parse('2026-11-22T12:00:00Z'),
    );
    expect(found.map((f) => `${f.toolId}: ${f.evidence.map((e) => e.detail).join('; ')}`)).toEqual([]);
  });

  it('still finds AnyDesk hidden among them', () => {
    const found = new RemoteMatcher().match(snapshot({ processes: [...processes, { pid: 9999, name: 'AnyDesk.exe', path: 'C:\\Users\\Hanako\\Downloads\\AnyDesk.exe' }], installed, userFiles }), Date.now());
    expect(found.map((f) => f.toolId)).toEqual(['anydesk']);
  });
});
