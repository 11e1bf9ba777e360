import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import { boundedSpawn } from '../../../src/platform/linux/bounded-spawn.js';
import { tesseractText } from '../../../src/platform/linux/tesseract-ocr.js';
import { isX11WindowId, X11WindowCapture, xwdResult } from '../../../src/platform/linux/x11-capture.js';

const exited = (code: number, stderr = '', stdout = ''): Parameters<typeof xwdResult>[1] => ({ kind: 'exited', code, stdout: Buffer.from(stdout), stderr });

describe('xwd outcomes', () => {
  it('maps X errors to stable codes', () => {
    expect(xwdResult('0x1', exited(0, '', 'dump'))).toEqual(Buffer.from('dump'));
    expect(() => xwdResult('0x1', exited(1, 'X Error of failed request:  BadWindow (invalid Window parameter)'))).toThrow(expect.objectContaining({ code: 'window-gone' }));
    expect(() => xwdResult('0x1', exited(1, 'X Error of failed request:  BadMatch (invalid parameter attributes)'))).toThrow(expect.objectContaining({ code: 'capture-failed' }));
    expect(() => xwdResult('0x1', exited(1, 'xwd:  unable to open display \':5\''))).toThrow(expect.objectContaining({ code: 'display-unavailable' }));
    expect(() => xwdResult('0x1', { kind: 'not-found', error: new Error('ENOENT') })).toThrow(expect.objectContaining({ code: 'tool-missing' }));
    expect(() => xwdResult('0x1', { kind: 'aborted', reason: 'x' })).toThrow(expect.objectContaining({ code: 'aborted' }));
    expect(() => xwdResult('0x1', { kind: 'timed-out', stderr: '' })).toThrow(expect.objectContaining({ code: 'capture-failed' }));
  });

  it('accepts only X11 window ids, so no hostile string reaches the command line', async () => {
    expect(isX11WindowId('0x3a00004')).toBe(true);
    expect(isX11WindowId('62914564')).toBe(true);
    expect(isX11WindowId('-root')).toBe(false);
    expect(isX11WindowId('0x1 -out /etc/passwd')).toBe(false);
    await expect(new X11WindowCapture().captureRaw('-root', new AbortController().signal)).rejects.toMatchObject({ code: 'capture-failed' });
  });
});

describe('tesseract outcomes', () => {
  it('maps exit codes, missing data, timeouts and aborts', () => {
    expect(tesseractText(exited(0, '', 'Call Microsoft'), 1000)).toBe('Call Microsoft');
    expect(() => tesseractText(exited(1, 'Error opening data file /usr/share/tesseract-ocr/5/tessdata/xyz.traineddata\nFailed loading language \'xyz\''), 1000)).toThrow(expect.objectContaining({ code: 'tool-missing' }));
    expect(() => tesseractText(exited(1, 'Error in pixReadMem'), 1000)).toThrow(expect.objectContaining({ code: 'ocr-failed' }));
    expect(() => tesseractText({ kind: 'timed-out', stderr: '' }, 1000)).toThrow(expect.objectContaining({ code: 'ocr-timeout' }));
    expect(() => tesseractText({ kind: 'not-found', error: new Error('ENOENT') }, 1000)).toThrow(expect.objectContaining({ code: 'tool-missing' }));
    expect(() => tesseractText({ kind: 'too-much-output', limit: 5 }, 1000)).toThrow(expect.objectContaining({ code: 'ocr-failed' }));
  });
});

describe('boundedSpawn (real processes)', () => {
  it('feeds stdin and collects stdout', async () => {
    const outcome = await boundedSpawn('cat', [], { input: Buffer.from('hello'), timeoutMs: 5000, maxStdoutBytes: 100 });
    expect(outcome).toMatchObject({ kind: 'exited', code: 0 });
    expect(outcome.kind === 'exited' ? outcome.stdout.toString() : '').toBe('hello');
  });

  it('kills on timeout, on abort and on too much output; reports a missing tool', async () => {
    expect(await boundedSpawn('sleep', ['5'], { timeoutMs: 50, maxStdoutBytes: 100 })).toMatchObject({ kind: 'timed-out' });
    const controller = new AbortController();
    const pending = boundedSpawn('sleep', ['5'], { timeoutMs: 5000, maxStdoutBytes: 100, signal: controller.signal });
    controller.abort('window closed');
    expect(await pending).toMatchObject({ kind: 'aborted', reason: 'window closed' });
    expect(await boundedSpawn('yes', [], { timeoutMs: 5000, maxStdoutBytes: 10_000 })).toMatchObject({ kind: 'too-much-output' });
    expect(await boundedSpawn('scarestop-no-such-tool', [], { timeoutMs: 5000, maxStdoutBytes: 10 })).toMatchObject({ kind: 'not-found' });
  });
});

describe('X11WindowCapture retries a window that is being re-framed', () => {
  const frame = { width: 16, height: 8, pixels: new Uint8Array(128).fill(200) };

  class ScriptedCapture extends X11WindowCapture {
    calls = 0;
    constructor(
      private readonly failures: string[],
      private readonly open: boolean,
    ) {
      super({ retryDelayMs: 1, attempts: 3, scale: 1 });
    }
    override captureRaw(): Promise<typeof frame> {
      const code = this.failures[this.calls];
      this.calls += 1;
      return code === undefined ? Promise.resolve(frame) : Promise.reject(new PlatformError(code, code));
    }
    override isWindowOpen(): Promise<boolean> {
      return Promise.resolve(this.open);
    }
  }

  it('tries again while the window exists, and gives up after the last attempt', async () => {
    const flaky = new ScriptedCapture(['window-gone', 'capture-failed'], true);
    await expect(flaky.capture({ id: '0x1', title: '', fullscreen: true }, new AbortController().signal)).resolves.toEqual(frame);
    expect(flaky.calls).toBe(3);
    const broken = new ScriptedCapture(['capture-failed', 'capture-failed', 'capture-failed', 'capture-failed'], true);
    await expect(broken.capture({ id: '0x1', title: '' }, new AbortController().signal)).rejects.toMatchObject({ code: 'capture-failed' });
    expect(broken.calls).toBe(3);
  });

  it('does not retry a window that is really gone, nor a missing tool', async () => {
    const gone = new ScriptedCapture(['window-gone'], false);
    await expect(gone.capture({ id: '0x1', title: '' }, new AbortController().signal)).rejects.toMatchObject({ code: 'window-gone' });
    expect(gone.calls).toBe(1);
    const missing = new ScriptedCapture(['tool-missing'], true);
    await expect(missing.capture({ id: '0x1', title: '' }, new AbortController().signal)).rejects.toMatchObject({ code: 'tool-missing' });
    expect(missing.calls).toBe(1);
  });
});
