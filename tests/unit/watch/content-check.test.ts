import { describe, expect, it } from 'vitest';
import { ContentCheckQueue, MAX_PAGE_TEXT_CHARS, type ContentReadResult } from '../../../src/engine/watch/content-check.js';
import { browserWindow, FakeReader, flush } from './fakes.js';

describe('content-check queue', () => {
  it('caches per window and title, bounds the text, and stops cleanly', async () => {
    const reader = new FakeReader();
    const results: ContentReadResult[] = [];
    const queue = new ContentCheckQueue(reader, (r) => results.push(r));
    const w = browserWindow('0x1', 'Security Center');
    queue.request(w);
    queue.request(w); // same read in flight: not queued twice
    expect(reader.reads).toHaveLength(1);
    reader.reads[0]?.resolve({ text: 'x'.repeat(MAX_PAGE_TEXT_CHARS + 50), captureMs: 1, ocrMs: 1 });
    await flush();
    expect(results[0]).toMatchObject({ ok: true, cached: false });
    if (results[0]?.ok === true) expect(results[0].reading.text).toHaveLength(MAX_PAGE_TEXT_CHARS);
    queue.request(w);
    expect(results[1]).toMatchObject({ ok: true, cached: true });
    queue.request(browserWindow('0x1', 'Another title'));
    expect(reader.reads).toHaveLength(2); // a new title is a new page
    queue.stop();
    expect(reader.reads[1]?.signal?.aborted).toBe(true);
    queue.request(browserWindow('0x2', 'x'));
    expect(reader.reads).toHaveLength(2);
  });

  it('drops a queued request when its window goes away', async () => {
    const reader = new FakeReader();
    const queue = new ContentCheckQueue(reader, () => undefined);
    queue.request(browserWindow('0x1', 'a'));
    queue.request(browserWindow('0x2', 'b'));
    expect(queue.activeWindowIds()).toEqual(['0x1', '0x2']);
    queue.windowGone('0x2');
    reader.reads[0]?.resolve({ text: '', captureMs: 0, ocrMs: 0 });
    await flush();
    expect(reader.reads).toHaveLength(1);
    expect(queue.activeWindowIds()).toEqual([]);
  });
});
