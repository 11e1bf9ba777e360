/**
 * The preload's bridge (narrow, frozen, contract channels only, unsubscribe works), hostile
 * text cleaning, and a guard that the renderer never uses an HTML sink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../src/preload/bridge.js';
import { toDisplayText } from '../../../src/shared/display-text.js';
import { CHANNEL_LISTS_MATCH, eventChannels, EVENT_CHANNEL_NAMES, requestChannels } from '../../../src/shared/ipc.js';

class FakeTransport implements BridgeTransport {
  readonly invoked: [string, unknown][] = [];
  readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  reply: unknown = { ok: true, value: null };
  invoke(channel: string, args: unknown): Promise<unknown> {
    this.invoked.push([channel, args]);
    return this.reply instanceof Error ? Promise.reject(this.reply) : Promise.resolve(this.reply);
  }
  listen(channel: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => set.delete(listener);
  }
}

describe('createBridge', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createBridge(new FakeTransport());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('passes contract channels through and refuses others without touching the transport', async () => {
    const transport = new FakeTransport();
    const bridge = createBridge(transport);
    transport.reply = { ok: true, value: { state: 'watching' } };
    expect(await bridge.invoke('scarestop:status', {})).toEqual({ ok: true, value: { state: 'watching' } });
    expect(await bridge.invoke('ELECTRON_BROWSER_REQUIRE' as never, {} as never)).toEqual({ ok: false, code: 'unknown-channel' });
    expect(transport.invoked).toEqual([['scarestop:status', {}]]);
    transport.reply = new Error('main went away');
    expect(await bridge.invoke('scarestop:status', {})).toMatchObject({ ok: false, code: 'failed' });
    transport.reply = 'not a result';
    expect(await bridge.invoke('scarestop:status', {})).toEqual({ ok: false, code: 'invalid-result' });
  });

  it('subscriptions return their unsubscribe; unknown events are refused', () => {
    const transport = new FakeTransport();
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const stop = bridge.on('scarestop:navigate', (payload) => seen.push(payload));
    for (const listener of transport.listeners.get('scarestop:navigate') ?? []) listener({ screen: 'scan' });
    stop();
    expect(transport.listeners.get('scarestop:navigate')?.size).toBe(0);
    expect(seen).toEqual([{ screen: 'scan' }]);
    expect(() => bridge.on('ipc-message' as never, () => undefined)).toThrow(/not a ScareStop event/);
  });

  it('the zod-free channel lists match the contract', () => {
    expect(CHANNEL_LISTS_MATCH).toBe(true);
    expect([...EVENT_CHANNEL_NAMES].sort()).toEqual(Object.keys(eventChannels).sort());
    expect(Object.keys(requestChannels).length).toBeGreaterThan(15);
  });
});

describe('toDisplayText', () => {
  it('removes direction overrides and invisible characters, keeps markup as plain characters', () => {
    expect(toDisplayText('Call \u202Emoc.tfosorcim\u202C now')).toBe('Call moc.tfosorcim now');
    expect(toDisplayText('a\u200Bb\u2066c\u2069\u0007d')).toBe('abc d');
    expect(toDisplayText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('bounds the length without splitting a character', () => {
    const long = '警告'.repeat(1000);
    const shown = toDisplayText(long, 11);
    expect(Array.from(shown)).toHaveLength(11);
    expect(shown.endsWith('…')).toBe(true);
    expect(toDisplayText('😀'.repeat(20), 5)).toBe('😀😀😀😀…');
  });
});

describe('renderer sources', () => {
  it('never use an HTML sink (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)', () => {
    const folder = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    }
  });
});
