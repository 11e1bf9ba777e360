/**
 * Without Windows' native pieces (here: on Linux, where native-reg has no binding and there is
 * no user32.dll) the Windows adapter reports typed errors and keeps going; it never crashes.
 */
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import type { WindowInfo } from '../../../src/engine/ports/windows.js';
import { loadNativeReg } from '../../../src/platform/win32/native-modules.js';
import { selfCheckWin32 } from '../../../src/platform/win32/self-check.js';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { Win32Foreground } from '../../../src/platform/win32/win32-foreground.js';
import { Win32WindowActions } from '../../../src/platform/win32/win32-window-actions.js';
import { createRegistryInventory } from '../../../src/platform/win32/win32-inventory.js';

describe.runIf(process.platform !== 'win32')('Windows adapter without its native pieces', () => {
  it('native-reg without a binding is native-module-missing with a clear message', async () => {
    const error = await loadNativeReg().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'native-module-missing' });
    expect((error as PlatformError).message).toMatch(/native-reg could not be loaded/);
  });

  it('a DLL that cannot be bound is a PlatformError, not a throw from deep inside koffi', async () => {
    await expect(win32('user32')).rejects.toMatchObject({ name: 'PlatformError', code: 'api-unavailable' });
  });

  it('the foreground watcher reports errors, retries with backoff, and stops on unsubscribe', async () => {
    const watcher = new Win32Foreground({ pollMs: 5, backoffMs: 5, maxBackoffMs: 10 });
    const windows: Array<WindowInfo | null> = [];
    const errors: PlatformError[] = [];
    let stop: () => void = () => undefined;
    await new Promise<void>((resolve) => {
      stop = watcher.watch(
        (window) => windows.push(window),
        (error) => {
          errors.push(error);
          if (errors.length === 3) resolve(); // it retried twice after the first failure
        },
      );
    });
    stop();
    expect(windows).toEqual([]);
    expect(errors.every((e) => e instanceof PlatformError)).toBe(true);
  });

  it('window actions return failed outcomes with the error', async () => {
    const actions = new Win32WindowActions();
    const outcome = await actions.closeWindow('131124');
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toBeInstanceOf(PlatformError);
    await expect(actions.terminateProcessTree({ pid: 1234, startTime: 1, image: 'C:\\chrome.exe' }, 'chrome')).resolves.toMatchObject({ status: 'failed' });
  });

  it('the inventory reports each failing source and still completes', async () => {
    const snapshot = await createRegistryInventory({ env: {} }).snapshot({ artifactPaths: ['%ProgramData%\\AnyDesk\\service.conf'] });
    expect(snapshot.installed).toMatchObject({ ok: false });
    expect(snapshot.processes).toMatchObject({ ok: false });
    expect(snapshot.services).toMatchObject({ ok: false });
    expect(snapshot.userFiles).toEqual({ ok: true, items: [] });
    expect(snapshot.artifacts).toEqual({ ok: true, items: [] });
  });

  it('the self-check says what does not work instead of throwing', async () => {
    const check = await selfCheckWin32();
    expect(check.canWatch).toBe(false);
    expect(check.nativeReg).toMatchObject({ ok: false, code: 'native-module-missing' });
    expect(check.windows).toMatchObject({ ok: false });
  });
});
