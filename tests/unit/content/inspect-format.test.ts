import { describe, expect, it } from 'vitest';
import { inspectJson, inspectText, parseInspectArgs } from '../../../src/cli/commands/inspect.js';
import type { Verdict } from '../../../src/shared/verdict.js';

const verdict: Verdict = { verdict: 'scam', score: 0.93, reasons: [{ signal: 'threat', detail: 'threat claim "access to this PC blocked"' }], phones: [], brand: 'Microsoft' };
const reading = { text: 'Access to this PC has been blocked\nCall +1-844-555-0147', captureMs: 61.4, ocrMs: 812.6, languages: 'jpn+eng' };

describe('scarestop inspect arguments and output', () => {
  it('parses --window, --json, --lang and refuses bad ids', () => {
    expect(parseInspectArgs([])).toEqual({ json: false });
    expect(parseInspectArgs(['--window', '0x3a00004', '--json', '--lang=eng'])).toEqual({ windowId: '0x3a00004', json: true, languages: 'eng' });
    expect(parseInspectArgs(['--window=123456'])).toEqual({ windowId: '123456', json: false });
    expect(parseInspectArgs(['--window'])).toMatch(/needs a value/);
    expect(parseInspectArgs(['--window', '-root'])).toMatch(/needs a value|not a window id/);
    expect(parseInspectArgs(['--window', 'abc;rm'])).toMatch(/not a window id/);
    expect(parseInspectArgs(['--help'])).toBe('help');
    expect(parseInspectArgs(['--close'])).toMatch(/unknown option/);
  });

  it('prints the page text quoted line by line, with the verdict and reasons', () => {
    const lines = inspectText({ id: '0x1', title: 'Security Center\u202e - Chromium', pid: 42 }, reading, verdict);
    expect(lines[0]).toBe('Window 0x1 "Security Center - Chromium" pid 42');
    expect(lines).toContain('  | Access to this PC has been blocked');
    expect(lines).toContain('Verdict: scam (score 0.93), pretends to be Microsoft');
    expect(lines.at(-1)).toBe('  - threat: threat claim "access to this PC blocked"');
  });

  it('cuts long text on the terminal and says how much was left out', () => {
    const lines = inspectText({ id: '0x1', title: '' }, { ...reading, text: 'x'.repeat(2500) }, verdict);
    expect(lines.some((line) => line.includes('[… 500 more characters]'))).toBe(true);
    expect(inspectText({ id: '0x1', title: '' }, { ...reading, text: '' }, verdict)).toContain('  (no text found)');
  });

  it('gives JSON with the text, rounded timings and the verdict', () => {
    expect(inspectJson({ id: '0x1', title: 'Microsoft', processName: 'chromium' }, reading, verdict)).toMatchObject({
      windowId: '0x1',
      title: 'Microsoft',
      process: 'chromium',
      text: reading.text,
      textChars: reading.text.length,
      captureMs: 61,
      ocrMs: 813,
      languages: 'jpn+eng',
      verdict: 'scam',
      brand: 'Microsoft',
    });
  });
});
