/**
 * Hand-curated knowledge the LOLRMM data lacks, for the remote-access tools scammers use most.
 * Read only by `scripts/build-remote-catalog.ts`, which merges it into `remote-catalog.json`.
 *
 * Sources: vendor documentation and public forensic write-ups (see ../shared/NOTES.md,
 * "Remote-access tools on Windows"). Paths use the inventory port's syntax: `%VAR%`, `~`, `*`,
 * and `HKLM\…` / `HKCU\…` for a registry key read as its values.
 */

/** How an evidence file is read by the engine (src/engine/remote/evidence/*). */
export type EvidenceParser =
  | 'anydesk-conf' // service.conf / system.conf: a password hash = unattended access
  | 'anydesk-connection-trace' // connection_trace.txt: one line per incoming session
  | 'anydesk-trace' // ad.trace / ad_svc.trace: "Logged in from ..." lines
  | 'teamviewer-connections' // Connections_incoming.txt: tab-separated sessions
  | 'screenconnect-events' // Windows Application log: 100 connected / 101 disconnected / 201 files
  | 'ultraviewer-connections' // Connection_IN_Log.txt: one line per incoming connection
  | 'teamviewer-registry' // its registry key's values: a personal password or an owning account = unattended
  | 'rustdesk-config' // RustDesk.toml / HopToDesk.toml: a permanent password = unattended
  | 'presence'; // any settings file: its presence shows the tool was used here

/** A file to read for a tool, and how. */
export interface CuratedEvidenceFile {
  readonly path: string;
  readonly parser: EvidenceParser;
}

/** Text in both UI languages. */
export interface Bilingual {
  readonly en: string;
  readonly ja: string;
}

/** One curated tool; `lolrmm` lists the YAML file stems merged into it. */
export interface CuratedTool {
  readonly id: string;
  readonly lolrmm: readonly string[];
  /** 1 = used most by scammers. */
  readonly priority: number;
  readonly names: Bilingual;
  readonly builtIn?: boolean;
  /** Extra executable names (Windows and Linux binaries). */
  readonly exe?: readonly string[];
  /** Extra product / program display names. */
  readonly products?: readonly string[];
  readonly services?: readonly string[];
  /** Linux package names. */
  readonly packages?: readonly string[];
  /** Extra distinctive install folder names. */
  readonly dirs?: readonly string[];
  readonly uninstall: Bilingual & { readonly command?: string };
  /** Where unattended-access settings live and what they mean. */
  readonly unattended?: Bilingual;
  readonly evidenceFiles?: readonly CuratedEvidenceFile[];
  /** Advice for built-in Windows features (never "remove"). */
  readonly advice?: Bilingual;
}

const anydeskWin = (dir: string): CuratedEvidenceFile[] => [
  { path: `${dir}\\AnyDesk\\service.conf`, parser: 'anydesk-conf' },
  { path: `${dir}\\AnyDesk\\system.conf`, parser: 'anydesk-conf' },
  { path: `${dir}\\AnyDesk\\connection_trace.txt`, parser: 'anydesk-connection-trace' },
];

/** The curated tools, most used by scammers first. */
export const curatedTools: readonly CuratedTool[] = [
  {
    id: 'anydesk',
    lolrmm: ['anydesk'],
    priority: 1,
    names: { en: 'AnyDesk', ja: 'AnyDesk（エニーデスク）' },
    exe: ['anydesk', 'anydesk.exe'],
    products: ['AnyDesk'],
    services: ['AnyDesk', 'AnyDesk Service'],
    packages: ['anydesk'],
    dirs: ['anydesk', '.anydesk'],
    uninstall: {
      en: 'Open Settings > Apps, choose AnyDesk, Uninstall. A portable copy: delete AnyDesk.exe from Downloads.',
      ja: '「設定」>「アプリ」で AnyDesk を選び「アンインストール」。ダウンロードに置かれたものは AnyDesk.exe を削除します。',
      command: 'AnyDesk.exe --remove',
    },
    unattended: {
      en: 'A password for unattended access is stored in %ProgramData%\\AnyDesk\\service.conf (Linux: /etc/anydesk/service.conf, ~/.anydesk/system.conf): anyone with it can connect without asking.',
      ja: '無人アクセス用のパスワードが %ProgramData%\\AnyDesk\\service.conf に保存されています。これを知る人は確認なしで接続できます。',
    },
    evidenceFiles: [
      ...anydeskWin('%ProgramData%'),
      ...anydeskWin('%APPDATA%'),
      { path: '%ProgramData%\\AnyDesk\\ad_svc.trace', parser: 'anydesk-trace' },
      { path: '%APPDATA%\\AnyDesk\\ad.trace', parser: 'anydesk-trace' },
      // A portable AnyDesk writes its log beside the exe (NOTES.md).
      { path: '%USERPROFILE%\\Downloads\\ad.trace', parser: 'anydesk-trace' },
      { path: '%USERPROFILE%\\Desktop\\ad.trace', parser: 'anydesk-trace' },
      { path: '~/.anydesk/service.conf', parser: 'anydesk-conf' },
      { path: '~/.anydesk/system.conf', parser: 'anydesk-conf' },
      { path: '~/.anydesk/connection_trace.txt', parser: 'anydesk-connection-trace' },
      { path: '~/.anydesk/ad.trace', parser: 'anydesk-trace' },
      { path: '~/.anydesk/user.conf', parser: 'presence' },
      { path: '%APPDATA%\\AnyDesk\\user.conf', parser: 'presence' },
      { path: '/etc/anydesk/service.conf', parser: 'anydesk-conf' },
      { path: '/etc/anydesk/system.conf', parser: 'anydesk-conf' },
      { path: '/etc/anydesk/connection_trace.txt', parser: 'anydesk-connection-trace' },
      { path: '/var/log/anydesk.trace', parser: 'anydesk-trace' },
    ],
  },
  {
    id: 'teamviewer',
    lolrmm: ['teamviewer'],
    priority: 2,
    names: { en: 'TeamViewer', ja: 'TeamViewer（チームビューアー）' },
    exe: ['teamviewer', 'teamviewerd', 'teamviewer.exe', 'teamviewer_service.exe', 'teamviewerqs.exe', 'tv_w32.exe', 'tv_x64.exe'],
    products: ['TeamViewer', 'TeamViewer QuickSupport', 'TeamViewer Host'],
    services: ['TeamViewer', 'teamviewerd'],
    packages: ['teamviewer', 'teamviewer-host'],
    dirs: ['teamviewer'],
    uninstall: {
      en: 'Open Settings > Apps, choose TeamViewer, Uninstall (it stops its service first).',
      ja: '「設定」>「アプリ」で TeamViewer を選び「アンインストール」します。',
      command: '"%ProgramFiles%\\TeamViewer\\uninstall.exe" /S',
    },
    unattended: {
      en: 'Unattended access ("Easy Access" or a personal password) is kept in HKLM\\SOFTWARE\\TeamViewer; the service starts with Windows.',
      ja: '無人アクセス（簡単アクセス・個人パスワード）は HKLM\\SOFTWARE\\TeamViewer に保存され、サービスが Windows と一緒に起動します。',
    },
    evidenceFiles: [
      { path: '%ProgramFiles%\\TeamViewer\\Connections_incoming.txt', parser: 'teamviewer-connections' },
      { path: '%ProgramFiles(x86)%\\TeamViewer\\Connections_incoming.txt', parser: 'teamviewer-connections' },
      { path: '%APPDATA%\\TeamViewer\\Connections_incoming.txt', parser: 'teamviewer-connections' },
      // Registry keys (Windows): the machine-wide settings (64- and 32-bit views) hold the personal
      // password and the account the PC is assigned to; newer versions keep per-user settings in HKCU.
      { path: 'HKLM\\SOFTWARE\\TeamViewer', parser: 'teamviewer-registry' },
      { path: 'HKLM\\SOFTWARE\\WOW6432Node\\TeamViewer', parser: 'teamviewer-registry' },
      { path: 'HKCU\\SOFTWARE\\TeamViewer', parser: 'teamviewer-registry' },
      { path: '/opt/teamviewer/config/Connections_incoming.txt', parser: 'teamviewer-connections' },
      { path: '~/.config/teamviewer/Connections_incoming.txt', parser: 'teamviewer-connections' },
      { path: '~/.config/teamviewer/client.conf', parser: 'presence' },
      { path: '/etc/teamviewer/global.conf', parser: 'presence' },
    ],
  },
  {
    id: 'ultraviewer',
    lolrmm: ['ultraviewer'],
    priority: 3,
    names: { en: 'UltraViewer', ja: 'UltraViewer（ウルトラビューアー）' },
    products: ['UltraViewer'],
    services: ['UltraViewService'],
    dirs: ['ultraviewer'],
    evidenceFiles: [{ path: '%APPDATA%\\UltraViewer\\Connection_IN_Log.txt', parser: 'ultraviewer-connections' }],
    uninstall: { en: 'Open Settings > Apps, choose UltraViewer, Uninstall.', ja: '「設定」>「アプリ」で UltraViewer を選び「アンインストール」します。' },
    unattended: {
      en: 'A fixed password set in UltraViewer lets the caller come back at any time.',
      ja: 'UltraViewer に固定パスワードが設定されていると、相手はいつでも再接続できます。',
    },
  },
  {
    id: 'quick-assist',
    lolrmm: ['microsoft_quick_assist', 'quickassist'],
    priority: 4,
    builtIn: true,
    names: { en: 'Quick Assist (built into Windows)', ja: 'クイック アシスト（Windows 標準）' },
    exe: ['quickassist.exe'],
    products: ['Quick Assist', 'Microsoft Quick Assist'],
    uninstall: {
      en: 'Part of Windows: no need to remove it. Close it, and never give the 6-digit code to a caller.',
      ja: 'Windows の一部なので削除は不要です。閉じてください。電話の相手に 6 桁のコードを教えないでください。',
    },
    advice: {
      en: 'Quick Assist is part of Windows. It is only dangerous when someone you do not know asks for the code. If it is open now, close it.',
      ja: 'クイック アシストは Windows の機能です。知らない人にコードを求められたときだけ危険です。開いていたら閉じてください。',
    },
  },
  {
    id: 'windows-remote-desktop',
    lolrmm: ['mstsc'],
    priority: 5,
    builtIn: true,
    names: { en: 'Windows Remote Desktop (built into Windows)', ja: 'Windows リモート デスクトップ（Windows 標準）' },
    exe: ['mstsc.exe'],
    // Not its TermService: it runs on many PCs with Remote Desktop switched off.
    products: ['Remote Desktop Connection'],
    uninstall: {
      en: 'Part of Windows: turn it off in Settings > System > Remote Desktop.',
      ja: 'Windows の一部です。「設定」>「システム」>「リモート デスクトップ」でオフにします。',
    },
    advice: {
      en: 'Remote Desktop is part of Windows. If you did not turn it on yourself, switch it off in Settings > System > Remote Desktop.',
      ja: 'リモート デスクトップは Windows の機能です。ご自分でオンにしていなければ、「設定」>「システム」>「リモート デスクトップ」でオフにしてください。',
    },
  },
  {
    id: 'screenconnect',
    lolrmm: ['screenconnect', 'connectwise_control', 'connectwise'],
    priority: 6,
    names: { en: 'ScreenConnect (ConnectWise Control)', ja: 'ScreenConnect（ConnectWise Control）' },
    products: ['ScreenConnect', 'ScreenConnect Client', 'ConnectWise Control'],
    dirs: ['screenconnect'],
    // Its client logs each session (100 connected, 101 disconnected, 201 files) in the Application log.
    evidenceFiles: [{ path: 'EVENTLOG\\Application\\ScreenConnect Client', parser: 'screenconnect-events' }],
    uninstall: {
      en: 'Open Settings > Apps, choose every "ScreenConnect Client (...)", Uninstall.',
      ja: '「設定」>「アプリ」で「ScreenConnect Client (...)」をすべてアンインストールします。',
    },
    unattended: {
      en: 'An installed ScreenConnect client is unattended by design: its service lets the operator connect at any time.',
      ja: 'インストールされた ScreenConnect クライアントは、そのサービスで相手がいつでも接続できます。',
    },
  },
  {
    id: 'splashtop',
    lolrmm: ['splashtop', 'splashtop_remote', 'splashtopbeta'],
    priority: 7,
    names: { en: 'Splashtop', ja: 'Splashtop（スプラッシュトップ）' },
    exe: ['srservice.exe', 'srmanager.exe', 'sragent.exe', 'srserver.exe', 'strwinclt.exe'],
    products: ['Splashtop Streamer', 'Splashtop SOS', 'Splashtop Business'],
    services: ['SplashtopRemoteService'],
    dirs: ['splashtop'],
    uninstall: { en: 'Open Settings > Apps, choose Splashtop Streamer, Uninstall.', ja: '「設定」>「アプリ」で Splashtop Streamer を選び「アンインストール」します。' },
    unattended: { en: 'Splashtop Streamer runs as a service and accepts connections while Windows runs.', ja: 'Splashtop Streamer はサービスとして常に接続を受け付けます。' },
  },
  {
    id: 'logmein',
    lolrmm: ['logmein', 'logmein_rescue', 'gotoassist', 'gotoassist_(goto_resolve)', 'gotomypc', 'goto_opener'],
    priority: 8,
    names: { en: 'LogMeIn / GoTo', ja: 'LogMeIn / GoTo（ゴートゥー）' },
    products: ['LogMeIn', 'LogMeIn Rescue', 'GoTo Resolve', 'GoToAssist', 'GoToMyPC', 'GoTo Opener'],
    dirs: ['logmein', 'gotomypc', 'goto opener'],
    uninstall: { en: 'Open Settings > Apps, choose LogMeIn / GoTo entries, Uninstall.', ja: '「設定」>「アプリ」で LogMeIn・GoTo の項目をアンインストールします。' },
  },
  {
    id: 'rustdesk',
    lolrmm: ['rustdesk'],
    priority: 9,
    names: { en: 'RustDesk', ja: 'RustDesk（ラストデスク）' },
    exe: ['rustdesk', 'rustdesk.exe'],
    products: ['RustDesk'],
    services: ['RustDesk', 'rustdesk'],
    packages: ['rustdesk'],
    dirs: ['rustdesk'],
    uninstall: { en: 'Open Settings > Apps, choose RustDesk, Uninstall; delete a portable rustdesk.exe.', ja: '「設定」>「アプリ」で RustDesk をアンインストールし、持ち運び版 rustdesk.exe は削除します。' },
    unattended: {
      en: 'A permanent password in RustDesk.toml (%APPDATA%\\RustDesk\\config, ~/.config/rustdesk) lets the caller connect without asking.',
      ja: 'RustDesk.toml に固定パスワードがあると、相手は確認なしで接続できます。',
    },
    evidenceFiles: [
      { path: '%APPDATA%\\RustDesk\\config\\RustDesk.toml', parser: 'rustdesk-config' },
      { path: '%APPDATA%\\RustDesk\\config\\RustDesk2.toml', parser: 'rustdesk-config' },
      { path: '%SystemRoot%\\ServiceProfiles\\LocalService\\AppData\\Roaming\\RustDesk\\config\\RustDesk.toml', parser: 'rustdesk-config' },
      { path: '~/.config/rustdesk/RustDesk.toml', parser: 'rustdesk-config' },
      { path: '~/.config/rustdesk/RustDesk2.toml', parser: 'rustdesk-config' },
      { path: '/root/.config/rustdesk/RustDesk.toml', parser: 'rustdesk-config' },
    ],
  },
  {
    id: 'supremo',
    lolrmm: ['supremo'],
    priority: 10,
    names: { en: 'Supremo', ja: 'Supremo（スプレモ）' },
    products: ['Supremo'],
    services: ['SupremoService'],
    dirs: ['supremoremotedesktop', 'supremo'],
    uninstall: { en: 'Open Settings > Apps, choose Supremo, Uninstall; delete a portable Supremo.exe.', ja: '「設定」>「アプリ」で Supremo をアンインストールし、Supremo.exe は削除します。' },
  },
  {
    id: 'aeroadmin',
    lolrmm: ['aeroadmin'],
    priority: 11,
    names: { en: 'AeroAdmin', ja: 'AeroAdmin（エアロアドミン）' },
    products: ['AeroAdmin'],
    services: ['AeroadminService'],
    dirs: ['aeroadmin'],
    uninstall: { en: 'AeroAdmin is usually portable: close it and delete AeroAdmin.exe.', ja: 'AeroAdmin は多くが持ち運び版です。閉じて AeroAdmin.exe を削除します。' },
  },
  {
    id: 'ammyy',
    lolrmm: ['ammyyadmin'],
    priority: 12,
    names: { en: 'Ammyy Admin', ja: 'Ammyy Admin（アミー アドミン）' },
    exe: ['ammyy_admin.exe', 'aa_v3.exe'],
    products: ['Ammyy Admin'],
    dirs: ['ammyy'],
    uninstall: { en: 'Ammyy Admin is portable: close it and delete its .exe (often AA_v3.exe).', ja: 'Ammyy Admin は持ち運び版です。閉じて .exe（AA_v3.exe など）を削除します。' },
  },
  {
    id: 'chrome-remote-desktop',
    lolrmm: ['chrome_remote_desktop'],
    priority: 13,
    names: { en: 'Chrome Remote Desktop', ja: 'Chrome リモート デスクトップ' },
    exe: ['remoting_host.exe', 'remoting_desktop.exe', 'chrome-remote-desktop-host'],
    products: ['Chrome Remote Desktop Host', 'Chrome Remote Desktop'],
    services: ['chromoting', 'chrome-remote-desktop'],
    packages: ['chrome-remote-desktop'],
    dirs: ['chrome remote desktop', 'chrome-remote-desktop'],
    uninstall: { en: 'Open Settings > Apps, choose Chrome Remote Desktop Host, Uninstall.', ja: '「設定」>「アプリ」で Chrome Remote Desktop Host をアンインストールします。' },
    unattended: { en: 'With remote access set up at remotedesktop.google.com, the host accepts connections with a PIN.', ja: 'remotedesktop.google.com でリモート アクセスを設定すると、PIN で接続を受け付けます。' },
  },
  {
    id: 'zoho-assist',
    lolrmm: ['zohoassist'],
    priority: 14,
    names: { en: 'Zoho Assist', ja: 'Zoho Assist（ゾーホー アシスト）' },
    products: ['Zoho Assist', 'Zoho Assist Unattended Agent'],
    dirs: ['zohomeeting', 'zoho assist'],
    uninstall: { en: 'Open Settings > Apps, choose Zoho Assist, Uninstall.', ja: '「設定」>「アプリ」で Zoho Assist をアンインストールします。' },
  },
  {
    id: 'remotepc',
    lolrmm: ['remotepc'],
    priority: 15,
    names: { en: 'RemotePC', ja: 'RemotePC' },
    products: ['RemotePC'],
    services: ['RPCService'],
    dirs: ['remotepc'],
    uninstall: { en: 'Open Settings > Apps, choose RemotePC, Uninstall.', ja: '「設定」>「アプリ」で RemotePC をアンインストールします。' },
  },
  {
    id: 'isl-online',
    lolrmm: ['isl_online', 'islonline', 'isl_light'],
    priority: 16,
    names: { en: 'ISL Online / ISL Light', ja: 'ISL Online / ISL Light' },
    products: ['ISL Light', 'ISL AlwaysOn'],
    dirs: ['isl online'],
    uninstall: { en: 'Open Settings > Apps, choose ISL Light / ISL AlwaysOn, Uninstall.', ja: '「設定」>「アプリ」で ISL Light・ISL AlwaysOn をアンインストールします。' },
  },
  {
    id: 'tightvnc',
    lolrmm: ['tightvnc'],
    priority: 17,
    names: { en: 'TightVNC', ja: 'TightVNC' },
    products: ['TightVNC'],
    services: ['tvnserver'],
    dirs: ['tightvnc'],
    uninstall: { en: 'Open Settings > Apps, choose TightVNC, Uninstall.', ja: '「設定」>「アプリ」で TightVNC をアンインストールします。' },
  },
  {
    id: 'ultravnc',
    lolrmm: ['ultravnc', 'ultra_vnc'],
    priority: 18,
    names: { en: 'UltraVNC', ja: 'UltraVNC' },
    exe: ['winvnc.exe'],
    products: ['UltraVNC'],
    services: ['uvnc_service'],
    dirs: ['uvnc bvba', 'ultravnc'],
    uninstall: { en: 'Open Settings > Apps, choose UltraVNC, Uninstall.', ja: '「設定」>「アプリ」で UltraVNC をアンインストールします。' },
  },
  {
    id: 'realvnc',
    lolrmm: ['realvnc', 'vnc_connect'],
    priority: 19,
    names: { en: 'RealVNC', ja: 'RealVNC' },
    exe: ['vncserver.exe', 'vncserverui.exe', 'vncagent.exe', 'vncserver-x11', 'vncserver-x11-serviced'],
    products: ['RealVNC Server', 'VNC Server', 'VNC Connect'],
    services: ['vncserver', 'vncserver-x11-serviced'],
    packages: ['realvnc-vnc-server'],
    dirs: ['realvnc'],
    uninstall: { en: 'Open Settings > Apps, choose VNC Server, Uninstall.', ja: '「設定」>「アプリ」で VNC Server をアンインストールします。' },
  },
  {
    id: 'hoptodesk',
    lolrmm: ['hoptodesk'],
    priority: 20,
    names: { en: 'HopToDesk', ja: 'HopToDesk' },
    exe: ['hoptodesk'],
    products: ['HopToDesk'],
    packages: ['hoptodesk'],
    dirs: ['hoptodesk'],
    uninstall: { en: 'Open Settings > Apps, choose HopToDesk, Uninstall; delete a portable HopToDesk.exe.', ja: '「設定」>「アプリ」で HopToDesk をアンインストールし、HopToDesk.exe は削除します。' },
    evidenceFiles: [
      { path: '%APPDATA%\\HopToDesk\\config\\HopToDesk.toml', parser: 'rustdesk-config' },
      { path: '~/.config/hoptodesk/HopToDesk.toml', parser: 'rustdesk-config' },
    ],
  },
  {
    id: 'todesk',
    lolrmm: ['todesk'],
    priority: 21,
    names: { en: 'ToDesk', ja: 'ToDesk' },
    products: ['ToDesk'],
    services: ['ToDesk_Service'],
    dirs: ['todesk'],
    uninstall: { en: 'Open Settings > Apps, choose ToDesk, Uninstall.', ja: '「設定」>「アプリ」で ToDesk をアンインストールします。' },
  },
  {
    id: 'awesun',
    lolrmm: ['aweray', 'sunlogin'],
    priority: 22,
    names: { en: 'AweSun / Sunlogin', ja: 'AweSun / Sunlogin（向日葵）' },
    exe: ['awesun.exe', 'sunloginclient.exe'],
    products: ['AweSun', 'AweRay', 'SunloginClient', 'Sunlogin'],
    dirs: ['awesun', 'aweray', 'oray', 'sunlogin'],
    uninstall: { en: 'Open Settings > Apps, choose AweSun / Sunlogin, Uninstall.', ja: '「設定」>「アプリ」で AweSun・Sunlogin をアンインストールします。' },
  },
  {
    id: 'getscreen',
    lolrmm: ['getscreen'],
    priority: 23,
    names: { en: 'Getscreen.me', ja: 'Getscreen.me' },
    products: ['Getscreen.me'],
    services: ['Getscreen.me', 'GetscreenSV'],
    dirs: ['getscreen.me'],
    uninstall: { en: 'Open Settings > Apps, choose Getscreen.me, Uninstall.', ja: '「設定」>「アプリ」で Getscreen.me をアンインストールします。' },
  },
];
