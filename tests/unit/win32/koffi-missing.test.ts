/** A missing koffi binary (broken install) is `native-module-missing`, and a later call retries. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('koffi', () => {
  throw new Error("Cannot find module '@koromix/koffi-win32-x64'");
});

describe('koffi missing', () => {
  it('loadKoffi rejects with native-module-missing and a message saying what to do', async () => {
    const { loadKoffi } = await import('../../../src/platform/win32/native-modules.js');
    const error = await loadKoffi().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PlatformError', code: 'native-module-missing' });
    expect(String((error as Error).message)).toMatch(/koffi could not be loaded .*Reinstall ScareStop/);
    await expect(loadKoffi()).rejects.toMatchObject({ code: 'native-module-missing' });
  });

  it('the window platform turns it into failed outcomes, never a crash', async () => {
    const { createWin32WindowPlatform } = await import('../../../src/platform/win32/window-platform.js');
    const platform = createWin32WindowPlatform();
    await expect(platform.actions.exitFullScreen('1')).resolves.toMatchObject({ status: 'failed', error: { code: 'native-module-missing' } });
    await expect(platform.windows.foreground()).rejects.toMatchObject({ code: 'native-module-missing' });
    platform.dispose();
  });
});
