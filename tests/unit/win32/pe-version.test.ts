import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferSource, parseVersionInfo, readPeVersionInfo, versionResource } from '../../../src/platform/win32/pe-version.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'win32', 'pe');
const renamed = readFileSync(join(FIXTURES, 'anydesk-renamed.exe'));

describe('PE VERSIONINFO reader', () => {
  it('reads what a renamed portable exe says it is (mingw + windres build)', () => {
    expect(readPeVersionInfo(bufferSource(renamed))).toEqual({
      productName: 'AnyDesk',
      originalFilename: 'AnyDesk.exe',
      companyName: 'AnyDesk Software GmbH',
      fileDescription: 'AnyDesk',
      productVersion: '8.0.9',
      fileVersion: '8.0.9',
    });
  });

  it('parses a real MSVC-built version resource (Windows node.exe 22)', () => {
    const info = parseVersionInfo(readFileSync(join(FIXTURES, 'node-22.versioninfo.bin')));
    expect(info).toMatchObject({ productName: 'Node.js', originalFilename: 'node.exe', companyName: 'Node.js', fileDescription: 'Node.js JavaScript Runtime' });
    expect(info?.productVersion).toMatch(/^22\./);
  });

  it('returns undefined for files that are not PE or have no version resource', () => {
    expect(readPeVersionInfo(bufferSource(Buffer.from('#!/bin/sh\necho hi\n')))).toBeUndefined();
    expect(readPeVersionInfo(bufferSource(Buffer.alloc(0)))).toBeUndefined();
    // The same PE without its resource directory: cut before the .rsrc section.
    expect(versionResource(bufferSource(renamed.subarray(0, 1024)))).toBeUndefined();
  });

  it('never throws on truncated or corrupted files (hostile downloads)', () => {
    for (let length = 0; length < renamed.length; length += 61) {
      expect(() => readPeVersionInfo(bufferSource(renamed.subarray(0, length)))).not.toThrow();
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(renamed.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), (edits) => {
        const copy = Buffer.from(renamed);
        for (const [at, byte] of edits) copy[at] = byte;
        const info = readPeVersionInfo(bufferSource(copy));
        for (const value of Object.values(info ?? {})) expect(value.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 300 },
    );
  });

  it('bounds what it reads from the file', () => {
    let largest = 0;
    const source = bufferSource(renamed);
    const spy = { size: source.size, read: (offset: number, length: number) => ((largest = Math.max(largest, length)), source.read(offset, length)) };
    readPeVersionInfo(spy);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });
});
