import { describe, expect, it } from 'vitest';
import { disableAdaptersCommand, enableAdaptersCommand, parseNetworkStatus, parseWlanProfiles, wlanConnectCommand, wlanDisconnectCommand } from '../../../src/platform/win32/network.js';
import { elevatedPowershell, encodeScript, psQuote, UAC_DECLINED } from '../../../src/platform/win32/powershell.js';
import { parseTasklistImage, stopServiceCommand, stopWin32Process, taskkillCommand } from '../../../src/platform/win32/process-control.js';
import { buildUninstallCommand, elevatedUninstallCommand, runKeyRemovalCommands, splitArguments, splitCommandLine } from '../../../src/platform/win32/uninstall.js';

/** Decodes the script inside a `-EncodedCommand` command line. */
const decode = (args: readonly string[]) => Buffer.from(args[args.indexOf('-EncodedCommand') + 1] ?? '', 'base64').toString('utf16le');
/** The inner (elevated) script of an elevatedPowershell command line. */
const inner = (args: readonly string[]) => Buffer.from(/'-EncodedCommand','([^']+)'/u.exec(decode(args))?.[1] ?? '', 'base64').toString('utf16le');

describe('PowerShell builders', () => {
  it('quotes single quotes and encodes as UTF-16LE base64', () => {
    expect(psQuote("Bob's Wi-Fi")).toBe("'Bob''s Wi-Fi'");
    expect(Buffer.from(encodeScript('Get-Date'), 'base64').toString('utf16le')).toBe('Get-Date');
  });

  it('elevates through Start-Process -Verb RunAs and maps a declined prompt to 1223', () => {
    const command = elevatedPowershell('Disable-NetAdapter -Name x');
    expect(command.file).toBe('powershell.exe');
    const outer = decode(command.args);
    expect(outer).toContain('Start-Process -FilePath powershell.exe -Verb RunAs -Wait -PassThru');
    expect(outer).toContain(`catch { exit ${UAC_DECLINED} }`);
    expect(inner(command.args)).toBe('Disable-NetAdapter -Name x');
  });
});

describe('Windows network commands', () => {
  it('disconnects Wi-Fi without elevation', () => {
    expect(wlanDisconnectCommand()).toEqual({ file: 'netsh', args: ['wlan', 'disconnect'] });
  });

  it('disables and enables the named adapters elevated, names safely quoted', () => {
    expect(inner(disableAdaptersCommand(['Ethernet', "Wi-Fi 'home'"]).args)).toBe("Disable-NetAdapter -Name 'Ethernet','Wi-Fi ''home''' -Confirm:$false");
    expect(inner(enableAdaptersCommand(['イーサネット']).args)).toBe("Enable-NetAdapter -Name 'イーサネット' -Confirm:$false");
  });

  it('reads the connected Wi-Fi profile from netsh on English and Japanese Windows', () => {
    const english = 'There is 1 interface on the system:\r\n\r\n    Name                   : Wi-Fi\r\n    State                  : connected\r\n    SSID                   : Home 5G\r\n    Profile                : Home 5G\r\n';
    const japanese = 'システムに 1 インターフェイスがあります:\r\n\r\n    名前                   : Wi-Fi\r\n    状態                   : 接続されました\r\n    プロファイル           : aterm-1234\r\n';
    expect(parseWlanProfiles(english)).toEqual(['Home 5G']);
    expect(parseWlanProfiles(japanese)).toEqual(['aterm-1234']);
    expect(parseWlanProfiles('There is no wireless interface on the system.')).toEqual([]);
    expect(wlanConnectCommand('Home 5G')).toEqual({ file: 'netsh', args: ['wlan', 'connect', 'name=Home 5G'] });
  });

  it('parses Get-NetAdapter JSON, one adapter or many', () => {
    const many = JSON.stringify({
      adapters: [
        { Name: 'Ethernet', InterfaceDescription: 'Intel(R) Ethernet Connection', Status: 'Up', AdminStatus: 'Up', MediaType: '802.3' },
        { Name: 'Wi-Fi', InterfaceDescription: 'Intel(R) Wi-Fi 6 AX201', Status: 'Disconnected', AdminStatus: 'Down', MediaType: 'Native 802.11' },
      ],
      defaultRoutes: 1,
    });
    expect(parseNetworkStatus(many)).toEqual({
      interfaces: [
        { name: 'Ethernet', up: true, kind: 'wired' },
        { name: 'Wi-Fi', up: false, kind: 'wireless' },
      ],
      defaultRoute: true,
    });
    const one = JSON.stringify({ adapters: { Name: 'Ethernet', AdminStatus: 2, MediaType: '802.3' }, defaultRoutes: 0 });
    expect(parseNetworkStatus(one)).toEqual({ interfaces: [{ name: 'Ethernet', up: false, kind: 'wired' }], defaultRoute: false });
  });
});

describe('Windows process and service commands', () => {
  it('builds taskkill and reads tasklist CSV', () => {
    expect(taskkillCommand(4242, false)).toEqual({ file: 'taskkill', args: ['/PID', '4242'] });
    expect(taskkillCommand(4242, true).args).toContain('/F');
    const csv = '"AnyDesk.exe","4242","Console","1","25,512 K"\r\n';
    expect(parseTasklistImage(csv, 4242)).toBe('AnyDesk.exe');
    expect(parseTasklistImage('INFO: No tasks are running which match the specified criteria.\r\n', 4242)).toBeUndefined();
  });

  it('stops a service by name or display name and disables it, elevated', () => {
    const script = inner(stopServiceCommand('AnyDesk Service').args);
    expect(script).toContain("Get-Service -Name 'AnyDesk Service'");
    expect(script).toContain("Get-Service -DisplayName 'AnyDesk Service'");
    expect(script).toContain('Set-Service -Name $s.Name -StartupType Disabled');
  });
});

describe('Windows uninstall command lines', () => {
  it('splits quoted and unquoted program paths', () => {
    expect(splitCommandLine('"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall')).toEqual({ file: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe', rest: '--uninstall' });
    expect(splitCommandLine('C:\\Program Files\\TeamViewer\\uninstall.exe /X')).toEqual({ file: 'C:\\Program Files\\TeamViewer\\uninstall.exe', rest: '/X' });
    expect(splitArguments('/S "/D=C:\\My Dir" x')).toEqual(['/S', '/D=C:\\My Dir', 'x']);
  });

  it('prefers QuietUninstallString', () => {
    expect(buildUninstallCommand({ command: 'x.exe', quietCommand: '"C:\\Tools\\unins000.exe" /SILENT' })).toEqual({ file: 'C:\\Tools\\unins000.exe', args: ['/SILENT'], quiet: true });
  });

  it('turns MsiExec /I{GUID} into a quiet /X{GUID}', () => {
    expect(buildUninstallCommand({ command: 'MsiExec.exe /I{5a8b1c2d-1234-4e5f-8a9b-0c1d2e3f4a5b}' })).toEqual({
      file: 'MsiExec.exe',
      args: ['/X{5A8B1C2D-1234-4E5F-8A9B-0C1D2E3F4A5B}', '/qn', '/norestart'],
      quiet: true,
    });
  });

  it('knows AnyDesk, NSIS and Inno Setup silent switches', () => {
    expect(buildUninstallCommand({ command: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall' }).args).toEqual(['--remove']);
    expect(buildUninstallCommand({ command: '"C:\\Program Files\\TeamViewer\\uninstall.exe"' })).toMatchObject({ args: ['/S'], quiet: true });
    expect(buildUninstallCommand({ command: '"C:\\Program Files\\Supremo\\unins000.exe"' }).args).toEqual(['/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART']);
    expect(buildUninstallCommand({ command: '"C:\\Vendor\\remove-tool.exe" --ask' })).toMatchObject({ args: ['--ask'], quiet: false });
  });

  it('runs the uninstaller elevated and passes its exit code back', () => {
    const script = inner(elevatedUninstallCommand({ file: 'MsiExec.exe', args: ['/X{A}', '/qn'] }).args);
    expect(script).toBe("$p = Start-Process -FilePath 'MsiExec.exe' -ArgumentList '/X{A}','/qn' -Wait -PassThru; exit $p.ExitCode");
  });

  it('backs up a Run key before deleting the value; HKLM needs admin', () => {
    const hkcu = runKeyRemovalCommands('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'AnyDesk', 'C:\\q\\run.reg');
    expect(hkcu.backup).toEqual({ file: 'reg', args: ['export', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'C:\\q\\run.reg', '/y'] });
    expect(hkcu.remove).toEqual({ file: 'reg', args: ['delete', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', '/v', 'AnyDesk', '/f'] });
    expect(hkcu.needsAdmin).toBe(false);
    expect(runKeyRemovalCommands('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', 'x', 'f').needsAdmin).toBe(true);
  });
});

describe('stopWin32Process (kernel32 checks, fake bindings)', () => {
  const ok = { code: 0, signal: null, stdout: '', stderr: '' } as const;
  const ANYDESK = 'C:\\Users\\hanako\\Downloads\\AnyDesk.exe';
  /** One pid whose owner the test scripts: `afterTaskkill` changes it while the stop waits. */
  function fakeKernel(image: string | undefined, behaviour: 'closes' | 'ignores' | 'gone', afterTaskkill?: { image: string; startTime: number }) {
    let current: { image: string; startTime: number } | undefined = behaviour === 'gone' || image === undefined ? undefined : { image, startTime: 1000 };
    const calls: string[] = [];
    return {
      calls,
      kernel32: {
        identity: () => current,
        isAlive: () => (current === undefined ? undefined : true),
        terminateIfSame: (expected: { pid: number; image: string; startTime: number }) => {
          if (current === undefined) return { result: 'gone' as const };
          if (current.image !== expected.image || current.startTime !== expected.startTime) return { result: 'changed' as const, now: current };
          calls.push('terminate');
          current = undefined;
          return { result: 'terminated' as const };
        },
      },
      run: async (command: { file: string; args: readonly string[] }) => {
        calls.push(`${command.file} ${command.args.join(' ')}`);
        if (behaviour === 'closes') current = undefined;
        if (afterTaskkill !== undefined) current = afterTaskkill;
        return ok;
      },
    };
  }
  const target = { pid: 4242, name: 'AnyDesk.exe', path: ANYDESK };

  it('asks politely first and stops there when the tool closes', async () => {
    const fake = fakeKernel(ANYDESK, 'closes');
    expect(await stopWin32Process(target, fake.kernel32, fake.run, 10)).toMatchObject({ status: 'done', detail: 'Stopped anydesk.exe.' });
    expect(fake.calls).toEqual(['taskkill /PID 4242']);
  });

  it('terminates a tool that ignores the polite request', async () => {
    const fake = fakeKernel(ANYDESK, 'ignores');
    expect(await stopWin32Process(target, fake.kernel32, fake.run, 10)).toMatchObject({ status: 'done', detail: 'Force-stopped anydesk.exe.' });
    expect(fake.calls).toEqual(['taskkill /PID 4242', 'terminate']);
  });

  it('leaves a reused pid alone', async () => {
    const fake = fakeKernel('C:\\Windows\\System32\\notepad.exe', 'ignores');
    expect((await stopWin32Process(target, fake.kernel32, fake.run, 10)).status).toBe('failed');
    expect(fake.calls).toEqual([]);
  });

  it('never terminates a process that took the pid while the tool was asked to close', async () => {
    const fake = fakeKernel(ANYDESK, 'ignores', { image: 'C:\\Windows\\System32\\notepad.exe', startTime: 5000 });
    expect((await stopWin32Process(target, fake.kernel32, fake.run, 10)).status).toBe('done');
    expect(fake.calls).toEqual(['taskkill /PID 4242']);
  });

  it('never terminates a new start of the same program under the old pid (creation time differs)', async () => {
    const fake = fakeKernel(ANYDESK, 'ignores', { image: ANYDESK, startTime: 7000 });
    await stopWin32Process(target, fake.kernel32, fake.run, 10);
    expect(fake.calls).toEqual(['taskkill /PID 4242']);
  });

  it('still ends the tool when the polite request itself fails or hangs', async () => {
    const fake = fakeKernel(ANYDESK, 'ignores');
    const hung = async (): Promise<never> => {
      throw new Error('taskkill did not finish in time');
    };
    expect(await stopWin32Process(target, fake.kernel32, hung, 10)).toMatchObject({ status: 'done', detail: 'Force-stopped anydesk.exe.' });
    expect(fake.calls).toEqual(['terminate']);
  });

  it('says not-needed when the process is gone', async () => {
    const fake = fakeKernel(undefined, 'gone');
    expect((await stopWin32Process(target, fake.kernel32, fake.run, 10)).status).toBe('not-needed');
  });
});
