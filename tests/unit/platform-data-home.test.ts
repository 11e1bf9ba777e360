import { describe, expect, it } from 'vitest';
import { currentOs, dataHome } from '../../src/platform/index.js';

describe('dataHome', () => {
  it('prefers SCARESTOP_HOME', () => {
    expect(dataHome({ SCARESTOP_HOME: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  });
  it('uses %APPDATA%\\ScareStop on Windows', () => {
    expect(dataHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming[\\/]ScareStop$/);
  });
  it('uses $XDG_DATA_HOME/scarestop on Linux', () => {
    expect(dataHome({ XDG_DATA_HOME: '/home/a/.data' }, 'linux')).toBe('/home/a/.data/scarestop');
  });
  it('refuses an OS without an adapter', () => {
    expect(() => currentOs('aix')).toThrow(/no adapter for aix/);
  });
});
