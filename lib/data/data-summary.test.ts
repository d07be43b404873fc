import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { RagVectorBlockRecord } from '../db/rag-records';
import type { MessageRecord, PageRecord } from '../db/records';
import { summarizeStoredData } from './data-summary';
import { watchStoredData } from './watch-stored-data';

const page = (i: number): PageRecord => ({
  id: `p${i}`,
  url: `https://example.com/${i}`,
  title: `Page ${i}`,
  byline: null,
  siteName: null,
  lang: 'en',
  excerpt: null,
  markdown: 'Text '.repeat(i + 1),
  contentHash: `h${i}`,
  wordCount: i + 1,
  method: 'readability',
  cutAtCapture: false,
  source: 'saved',
  tags: [],
  savedAt: i,
  updatedAt: i,
  terms: [],
});

const block = (id: string, modelId: string, dims: number, count: number): RagVectorBlockRecord => {
  const stride = Math.ceil(dims / 16) * 16;
  return {
    id,
    modelId,
    dims,
    stride,
    count,
    chunkIds: Array.from({ length: count }, (_, i) => `${id}#${i}`),
    rowPages: Array.from({ length: count }, () => 'p0'),
    pageIds: ['p0'],
    codes: new ArrayBuffer(count * stride),
    scales: new ArrayBuffer(count * 4),
  };
};

const image = (dataUrl: string) => ({ dataUrl, width: 1, height: 1, bytes: 3, source: 'file' as const });
const message = (id: string, images?: MessageRecord['images']): MessageRecord => ({
  id,
  conversationId: 'c',
  role: 'user',
  content: 'What is this?',
  status: 'complete',
  createdAt: 1,
  ...(images ? { images } : {}),
});

/** Waits for fake-indexeddb's and Dexie's queued work (real tasks: only timers are faked in these tests). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('the stored-data summary', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
  });

  it('counts each kind, with the vectors’ packed bytes and the images’ data URLs', async () => {
    await db().pages.bulkPut([page(0), page(1), page(2)]);
    await db().clips.put({ id: 'k', pageUrl: page(0).url, text: 't', paragraph: 't', headingPath: [], savedAt: 1 });
    await db().ragChunks.bulkPut(
      Array.from({ length: 5 }, (_, i) => ({
        id: `p0#${i}`,
        pageId: 'p0',
        ordinal: i,
        text: 't',
        headingPath: [],
        start: 0,
        end: 1,
      })),
    );
    // Two models of different widths (384 → stride 384, 100 → 112), full and small blocks.
    const blocks = [block('a', 'm384', 384, 4096), block('b', 'm384', 384, 7), block('c', 'm100', 100, 3)];
    await db().ragVectorBlocks.bulkPut(blocks);
    await db().conversations.put({ id: 'c', title: 'C', createdAt: 1, updatedAt: 1 });
    await db().messages.bulkPut([
      message('m1', [image('data:image/jpeg;base64,AAAA'), image('data:image/png;base64,BBBBBBBB')]),
      message('m2'),
      message('m3', [image('data:image/gif;base64,CC==')]),
    ]);

    const byKind = Object.fromEntries((await summarizeStoredData()).map((kind) => [kind.kind, kind]));
    expect(byKind.pages).toEqual({ kind: 'pages', count: 3 });
    expect(byKind.clips?.count).toBe(1);
    expect(byKind.chunks?.count).toBe(5);
    expect(byKind.conversations?.count).toBe(1);
    expect(byKind.messages?.count).toBe(3);
    expect(byKind.runs?.count).toBe(0);
    // What the blocks hold, read in full: the summary reads only their index keys and one block per model.
    expect(byKind.vectors).toEqual({
      kind: 'vectors',
      count: 4096 + 7 + 3,
      bytes: blocks.reduce((sum, b) => sum + b.codes.byteLength + b.scales.byteLength, 0),
    });
    expect(byKind.images).toEqual({
      kind: 'images',
      count: 3,
      bytes:
        'data:image/jpeg;base64,AAAA'.length +
        'data:image/png;base64,BBBBBBBB'.length +
        'data:image/gif;base64,CC=='.length,
    });
  });

  it('shows the kinds in the table’s order, images after messages', async () => {
    expect((await summarizeStoredData()).map((kind) => kind.kind)).toEqual([
      'pages',
      'clips',
      'chunks',
      'vectors',
      'conversations',
      'messages',
      'images',
      'runs',
    ]);
  });
});

describe('watching the stored data', () => {
  let stop = () => {};
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
    // Opened before watching: creating the database reports every table as changed.
    await db().open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('counts once for a burst of writes, after the delay, and reads the messages only when they changed', async () => {
    const summaries: Record<string, number>[] = [];
    stop = watchStoredData((kinds) => summaries.push(Object.fromEntries(kinds.map((k) => [k.kind, k.count]))), 500);
    await until(() => summaries.length === 1);
    expect(summaries[0]).toMatchObject({ pages: 0, messages: 0, images: 0 });

    const messageReads = vi.spyOn(db().messages, 'each');
    for (let i = 0; i < 20; i++) await db().pages.put(page(i));
    expect(summaries).toHaveLength(1);
    vi.advanceTimersByTime(500);
    await until(() => summaries.length === 2);
    expect(summaries[1]).toMatchObject({ pages: 20, images: 0 });
    expect(messageReads).not.toHaveBeenCalled();

    await db().messages.put(message('m', [image('data:image/jpeg;base64,AAAA')]));
    vi.advanceTimersByTime(500);
    await until(() => summaries.length === 3);
    expect(summaries[2]).toMatchObject({ pages: 20, messages: 1, images: 1 });
    expect(messageReads).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(5000);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(summaries).toHaveLength(3);
  });

  it('stops when asked', async () => {
    const summaries: unknown[] = [];
    stop = watchStoredData((kinds) => summaries.push(kinds), 500);
    await until(() => summaries.length === 1);
    stop();
    await db().pages.put(page(0));
    vi.advanceTimersByTime(500);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(summaries).toHaveLength(1);
  });
});
