import { describe, expect, it } from 'vitest';
import {
  applyWindowProp,
  decodeXpropString,
  descendantsOf,
  normaliseWindowId,
  parseProcStat,
  parseWindowIds,
  parseXpropLine,
  parseXwininfo,
  titleOf,
  type WindowProps,
} from '../../src/platform/linux/x11-parse.js';

// Lines recorded from xprop/xwininfo 1.x on Debian 12 with openbox and Chromium.
const SPY = [
  '_NET_WM_NAME(UTF8_STRING) = "ウイルス \\"quoted\\" \\\\ back - Chromium"',
  'WM_NAME(UTF8_STRING) = "\\343\\202\\246\\343\\202\\244\\343\\203\\253\\343\\202\\271 - Chromium"',
  '_NET_WM_PID(CARDINAL) = 10448',
  '_NET_WM_STATE(ATOM) = _NET_WM_STATE_FULLSCREEN, _NET_WM_STATE_FOCUSED',
];

describe('xprop lines', () => {
  it('parses names, types and values, and "not found"', () => {
    expect(parseXpropLine('_NET_ACTIVE_WINDOW(WINDOW): window id # 0x400002')).toEqual({ name: '_NET_ACTIVE_WINDOW', type: 'WINDOW', value: 'window id # 0x400002' });
    expect(parseXpropLine('_NET_WM_STATE(ATOM) = ')).toEqual({ name: '_NET_WM_STATE', type: 'ATOM', value: '' });
    expect(parseXpropLine('WM_NAME:  not found.')).toEqual({ name: 'WM_NAME' });
    expect(parseXpropLine('X Error of failed request:  BadWindow (invalid Window parameter)')).toBeUndefined();
  });

  it('decodes C escapes and octal UTF-8 bytes', () => {
    expect(decodeXpropString('"ウイルス \\"quoted\\" \\\\ back - Chromium"')).toBe('ウイルス "quoted" \\ back - Chromium');
    expect(decodeXpropString('"\\343\\202\\246\\343\\202\\244\\343\\203\\253\\343\\202\\271"')).toBe('ウイルス');
    expect(decodeXpropString('"tab\\there\\nnew"')).toBe('tab\there\nnew');
    expect(decodeXpropString('"😀 emoji"')).toBe('😀 emoji');
    expect(decodeXpropString('unquoted')).toBeUndefined();
  });

  it('reads window ids, ignoring 0x0', () => {
    expect(parseWindowIds('window id # 0x400002, 0x00600003')).toEqual(['0x400002', '0x600003']);
    expect(parseWindowIds('window id # 0x0')).toEqual([]);
    expect(normaliseWindowId('0x00400002')).toBe('0x400002');
  });

  it('applies a spy stream to window properties', () => {
    const props: WindowProps = {};
    for (const line of SPY) {
      const parsed = parseXpropLine(line);
      expect(parsed).toBeDefined();
      if (parsed !== undefined) expect(applyWindowProp(props, parsed)).toBe(true);
    }
    expect(props).toMatchObject({ pid: 10448, fullscreen: true, hidden: false });
    expect(titleOf(props)).toBe('ウイルス "quoted" \\ back - Chromium');
    expect(titleOf({ legacyTitle: 'old' })).toBe('old');
    expect(titleOf({})).toBe('');
  });
});

describe('xwininfo and /proc', () => {
  it('reads absolute bounds', () => {
    const text = 'xwininfo: Window id: 0x400002 "Hello - Chromium"\n\n  Absolute upper-left X:  10\n  Absolute upper-left Y:  -4\n  Relative upper-left X:  0\n  Width: 945\n  Height: 1060\n';
    expect(parseXwininfo(text)).toEqual({ x: 10, y: -4, width: 945, height: 1060 });
    expect(parseXwininfo('xwininfo: error: No such window')).toBeUndefined();
  });

  it('reads state and parent pid even with spaces and parentheses in the name', () => {
    expect(parseProcStat('1234 (Web Content (x)) S 77 1234 1234 0 -1')).toEqual({ state: 'S', ppid: 77 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('finds a whole process tree', () => {
    const pairs: [number, number][] = [[10, 1], [11, 10], [12, 10], [13, 11], [20, 1], [21, 20]];
    expect(descendantsOf(10, pairs).sort()).toEqual([11, 12, 13]);
    expect(descendantsOf(99, pairs)).toEqual([]);
  });
});
