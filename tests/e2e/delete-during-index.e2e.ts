import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, startModelServer } from '../support/model-server';
import { makeTestModels, TEST_MODELS } from '../support/test-models/make-test-models';
import { openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';

interface IndexRows {
  readonly pageId: string | null;
  readonly job: string | null;
  readonly chunks: number;
  readonly lexical: boolean;
  readonly vectors: number;
}

/** What Aside's IndexedDB holds of the page saved from `url` (or of `pageId`), read in an extension page. */
function indexRows(page: Page, ref: { url: string } | { pageId: string }): Promise<IndexRows> {
  return page.evaluate(async (ref) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('aside');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tables = ['pages', 'ingestJobs', 'ragChunks', 'ragLexical', 'ragVectorBlocks'];
    const tx = database.transaction(tables, 'readonly');
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const page =
      'url' in ref ? await read<{ id: string } | undefined>(tx.objectStore('pages').index('url').get(ref.url)) : null;
    const pageId = 'pageId' in ref ? ref.pageId : (page?.id ?? null);
    if (!pageId) return { pageId: null, job: null, chunks: 0, lexical: false, vectors: 0 };
    const job = await read<{ state: string } | undefined>(tx.objectStore('ingestJobs').get(pageId));
    const chunks = await read(tx.objectStore('ragChunks').index('pageId').count(pageId));
    const lexical = await read(tx.objectStore('ragLexical').count(pageId));
    const blocks = await read<{ rowPages: string[] }[]>(tx.objectStore('ragVectorBlocks').getAll());
    database.close();
    const vectors = blocks.flatMap((block) => block.rowPages).filter((id) => id === pageId).length;
    return { pageId, job: job?.state ?? null, chunks, lexical: lexical > 0, vectors };
  }, ref);
}

/** The library index in the real extension, with the real embedder and a model from a local mirror. */
describe('library index', () => {
  let s: Session;
  let models: ModelServer;
  beforeAll(async () => {
    makeTestModels(['tiny']);
    models = await startModelServer();
    s = await startSession();
    s.aside.audit.allow(models.origin);
  });
  afterAll(async () => {
    await s?.close();
    await models?.close();
  });

  it('orphaned chunks after delete-during-index', async () => {
    // Semantic search on, with a model that downloads slowly: a page saved now waits in the indexer for its vectors.
    models.throttle(20_000);
    const options = await openExtensionPage(s.aside, 'options.html');
    const section = options.getByTestId('embedder-settings');
    await section.getByLabel('Embedding model').fill(TEST_MODELS.tiny);
    await section.getByLabel('Model host').selectOption('mirror');
    await section.getByLabel('Mirror URL').fill(models.url);
    await section.getByRole('button', { name: 'Download and test the model' }).click();
    const modelStatus = options.getByTestId('model-status');
    await expect.poll(() => modelStatus.getAttribute('data-state')).toBe('loading');

    await s.panel.getByRole('tab', { name: 'Library' }).click();
    const longUrl = s.pages.longArticleUrl(400);
    await s.show(longUrl);
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
    await expect.poll(async () => (await indexRows(s.panel, { url: longUrl })).job).toBe('indexing');
    const { pageId } = await indexRows(s.panel, { url: longUrl });
    if (!pageId) throw new Error('the long page was not saved');
    // Still waiting for the model: the page is deleted while it is being indexed.
    expect(await modelStatus.getAttribute('data-state')).toBe('loading');
    const item = s.panel.getByTestId('library-item').filter({ hasText: 'A very long article' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => item.count()).toBe(0);
    // The queue notices the deletion (the page's job goes) before the indexer has its vectors.
    await expect.poll(async () => (await indexRows(s.panel, { pageId })).job).toBeNull();

    // The model arrives; the indexer finishes the deleted page's vectors. Then another page is indexed after it,
    // so the queue has settled past the deleted page when the index is read.
    models.throttle(null);
    await expect.poll(() => modelStatus.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await options.close();
    const otherUrl = s.pages.corpusUrl('wikipedia');
    await s.show(otherUrl);
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect
      .poll(() => s.panel.locator('.library-view').getByTestId('indexing-status').innerText(), { timeout: 60_000 })
      .toContain('1 page indexed');

    const other = await indexRows(s.panel, { url: otherUrl });
    expect(other.chunks).toBeGreaterThan(0);
    expect(other.vectors).toBe(other.chunks);
    expect(await indexRows(s.panel, { pageId })).toEqual({ pageId, job: null, chunks: 0, lexical: false, vectors: 0 });
  });
});
