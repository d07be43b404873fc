import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { queryTerms } from '../library/search-terms';
import { Bm25Index } from '../rag/bm25';
import { AsideDatabase } from './database';
import type { RagChunkRecord, RagLexicalRecord } from './rag-records';
import type { ClipRecord, PageRecord } from './records';

/** The schema as of v7, before stemming and fields. */
const v7 = {
  conversations: 'id, updatedAt',
  messages: 'id, [conversationId+createdAt]',
  pages: 'id, &url, savedAt, siteName, *tags, *terms, contentHash',
  clips: 'id, pageUrl, savedAt',
  ragChunks: 'id, pageId',
  ragLexical: 'pageId',
  ragVectorBlocks: 'id, modelId, *pageIds, [modelId+count]',
  ingestJobs: 'pageId, state, updatedAt',
  secrets: 'profileId',
  runs: 'id, updatedAt, status',
  runSteps: 'id, [runId+index]',
  settings: 'key',
};

const markdown = '# Killer whale\n\nIt hunts seals in cold water.\n\n## Diet\n\nPods share their catches.';
const page = {
  id: 'p1',
  url: 'https://example.test/orca',
  title: 'Killer whale',
  byline: null,
  siteName: 'Wiki',
  lang: 'en',
  excerpt: null,
  markdown,
  contentHash: 'h',
  wordCount: 12,
  method: 'readability',
  cutAtCapture: false,
  source: 'saved',
  tags: [],
  savedAt: 1,
  updatedAt: 1,
  // What v7 stored: unstemmed words.
  terms: [
    'killer',
    'whale',
    'it',
    'hunts',
    'seals',
    'in',
    'cold',
    'water',
    'diet',
    'pods',
    'share',
    'their',
    'catches',
  ],
} satisfies PageRecord;
const chunks: RagChunkRecord[] = [
  {
    id: 'p1#0',
    pageId: 'p1',
    ordinal: 0,
    text: 'It hunts seals in cold water.',
    headingPath: ['Killer whale'],
    start: 16,
    end: 45,
  },
  {
    id: 'p1#1',
    pageId: 'p1',
    ordinal: 1,
    text: 'Pods share their catches.',
    headingPath: ['Killer whale', 'Diet'],
    start: 56,
    end: 81,
  },
];
const oldLexical = {
  pageId: 'p1',
  docs: [
    { chunkId: 'p1#0', length: 6, terms: ['it', 'hunts', 'seals', 'in', 'cold', 'water'], counts: [1, 1, 1, 1, 1, 1] },
    { chunkId: 'p1#1', length: 4, terms: ['pods', 'share', 'their', 'catches'], counts: [1, 1, 1, 1] },
  ],
} satisfies RagLexicalRecord;
const clip = {
  id: 'c1',
  pageUrl: page.url,
  text: 'Orcas are dolphins',
  paragraph: 'Orcas are dolphins.',
  headingPath: [],
  savedAt: 2,
} satisfies ClipRecord;

async function seedV7(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(7).stores(v7);
  await old.open();
  await old.table('pages').put(page);
  await old.table('clips').put(clip);
  await old.table('ragChunks').bulkPut(chunks);
  await old.table('ragLexical').put(oldLexical);
  await old.table('ragVectorBlocks').put({ id: 'b1', modelId: 'm', pageIds: ['p1'], count: 2 });
  old.close();
}

describe('the v8 upgrade of search terms', () => {
  it('rebuilds page terms and keyword rows with stems, headings and titles, and loses nothing', async () => {
    await seedV7('upgrade-v8');
    const upgraded = new AsideDatabase('upgrade-v8');
    const stored = await upgraded.pages.get('p1');
    expect(stored?.markdown).toBe(markdown);
    // Stemmed, and the clip's words still count.
    expect(stored?.terms).toEqual(expect.arrayContaining(['whale', 'hunt', 'seal', 'catch', 'orca', 'dolphin']));
    expect(stored?.terms).not.toContain('catches');
    // The library list finds it by the stems of a question's words (lib/library/search-library.ts).
    for (const term of queryTerms('hunting orcas')) {
      expect(await upgraded.pages.where('terms').equals(term).primaryKeys()).toEqual(['p1']);
    }

    expect(await upgraded.ragChunks.count()).toBe(2);
    expect(await upgraded.ragVectorBlocks.count()).toBe(1);
    const row = await upgraded.ragLexical.get('p1');
    expect(row?.title?.terms).toEqual(['killer', 'whale']);
    expect(row?.docs.map((doc) => doc.chunkId)).toEqual(['p1#0', 'p1#1']);
    // The heading that repeats the title is not a heading field; "Diet" is.
    expect(row?.docs[0]?.heading).toBeUndefined();
    expect(row?.docs[1]?.heading?.terms).toEqual(['diet']);

    const index = new Bm25Index();
    for (const record of await upgraded.ragLexical.toArray()) index.add(record.pageId, record.docs, record.title);
    expect(index.search(['killer', 'whale', 'catch'], 1)[0]).toMatchObject({ chunkId: 'p1#1', coverage: 1 });
    upgraded.close();
  });

  it('opens a new library at the current version (9) with nothing to upgrade', async () => {
    const fresh = new AsideDatabase('fresh-v8');
    await fresh.open();
    expect(fresh.verno).toBe(9);
    expect(await fresh.ragLexical.count()).toBe(0);
    fresh.close();
  });
});
