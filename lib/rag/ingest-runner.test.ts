import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedPage } from '../../tests/support/captured-page';
import { ingestProgress } from '../../tests/support/ingest-progress-oracle';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { deletePages } from '../library/library-store';
import { savePageRecord } from '../library/save-page';
import { AsideError } from '../messaging/errors';
import { indexedModelItem, ingestBatchStartedItem } from '../settings/secure-settings';
import { requeueInterruptedJobs } from './ingest-queue';
import { cancelIngest, kickIngest, type PageIndexer, pauseIngest, resumeIngest, retryIngest } from './ingest-runner';

const page = (url: string, markdown: string): CapturedPage =>
  capturedPage({
    url,
    title: url,
    markdown,
  });

/** An index that records what the queue asked of it. */
class RecordingIndexer implements PageIndexer {
  model: string | null = 'model-a';
  indexed: string[] = [];
  removed: string[] = [];
  retiredModels: string[] = [];
  contentChanged: boolean[] = [];
  failWith: Error | null = null;
  onIndex: (page: PageRecord) => Promise<void> | void = () => {};
  async currentModel() {
    return this.model;
  }
  async indexPage(record: PageRecord, _modelId: string | null, signal: AbortSignal, contentChanged: boolean) {
    await this.onIndex(record);
    this.contentChanged.push(contentChanged);
    if (signal.aborted) throw new Error('aborted');
    if (this.failWith) throw this.failWith;
    this.indexed.push(record.markdown);
    return 1;
  }
  async removePages(ids: readonly string[]) {
    this.removed.push(...ids);
  }
  async removeModel(modelId: string) {
    this.retiredModels.push(modelId);
  }
}

const jobs = () => db().ingestJobs.toArray();

describe('ingest queue', () => {
  let indexer: RecordingIndexer;
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    indexer = new RecordingIndexer();
  });

  it('indexes each saved page once, and again only when its content or the model changes', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await savePageRecord(page('https://a.example/2', 'two'));
    await kickIngest(indexer);
    expect(indexer.indexed.sort()).toEqual(['one', 'two']);

    await kickIngest(indexer);
    expect(indexer.indexed).toHaveLength(2);

    await savePageRecord(page('https://a.example/2', 'two, edited'));
    await kickIngest(indexer);
    expect(indexer.indexed.slice(2)).toEqual(['two, edited']);

    indexer.model = 'model-b';
    await kickIngest(indexer);
    expect(indexer.indexed).toHaveLength(5);
    expect((await jobs()).every((job) => job.state === 'done' && job.modelId === 'model-b')).toBe(true);
    // New and edited pages replace what they had; a new model only adds its vectors…
    expect(indexer.contentChanged).toEqual([true, true, true, false, false]);
    // …and the old model's vectors go once the new ones cover the library.
    expect(indexer.retiredModels).toEqual(['model-a']);
  });

  it('retires the old model once every page that can be indexed has the new one', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await savePageRecord(page('https://a.example/2', 'broken'));
    indexer.onIndex = (record) => {
      if (record.markdown === 'broken' && indexer.model === 'model-b') throw new Error('this page is broken');
    };
    await kickIngest(indexer);
    expect(await indexedModelItem.getValue()).toBe('model-a');
    indexer.model = 'model-b';
    await kickIngest(indexer);
    // The broken page failed with the new model; it does not hold the switch back.
    expect(await indexedModelItem.getValue()).toBe('model-b');
    expect(indexer.retiredModels).toEqual(['model-a']);
  });

  it('removes deleted pages from the index', async () => {
    const saved = await savePageRecord(page('https://a.example/1', 'one'));
    await kickIngest(indexer);
    await deletePages([saved.page.id]);
    await kickIngest(indexer);
    expect(indexer.removed).toEqual([saved.page.id]);
    expect(await jobs()).toEqual([]);
  });

  it('does not miss a page saved while the queue is running', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    let savedDuringRun = false;
    indexer.onIndex = async () => {
      if (savedDuringRun) return;
      savedDuringRun = true;
      await savePageRecord(page('https://a.example/2', 'two'));
      void kickIngest(indexer);
    };
    await kickIngest(indexer);
    expect(indexer.indexed.sort()).toEqual(['one', 'two']);
  });

  it('indexes by keywords while the embedder fails, and adds vectors after Retry', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await savePageRecord(page('https://a.example/2', 'two'));
    const models: (string | null)[] = [];
    indexer.onIndex = () => {
      if (indexer.model === 'model-a' && models.length === 0) {
        // What the real indexer does: the embedder goes into error, so no model until Retry.
        indexer.model = null;
        throw new AsideError('model-unreachable', 'The model host cannot be reached.');
      }
    };
    const indexPage = indexer.indexPage.bind(indexer);
    indexer.indexPage = async (record, modelId, signal, contentChanged) => {
      const chunks = await indexPage(record, modelId, signal, contentChanged);
      models.push(modelId);
      return chunks;
    };
    await kickIngest(indexer);
    expect(models).toEqual([null, null]);
    expect((await jobs()).map((job) => [job.state, job.modelId])).toEqual([
      ['done', null],
      ['done', null],
    ]);

    indexer.model = 'model-a';
    await retryIngest(indexer);
    expect(models).toEqual([null, null, 'model-a', 'model-a']);
  });

  it('keeps vectors made earlier while the embedder is unavailable', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await kickIngest(indexer);
    indexer.model = null;
    await kickIngest(indexer);
    expect(indexer.indexed).toEqual(['one']);
    expect((await jobs())[0]?.modelId).toBe('model-a');
  });

  it('stops on a full disk, keeps the error for the user, and goes on after Retry', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await savePageRecord(page('https://a.example/2', 'two'));
    indexer.failWith = new AsideError('quota-exceeded', 'The disk is full.');
    await kickIngest(indexer);
    const afterFailure = await jobs();
    expect(afterFailure.map((job) => job.state).sort()).toEqual(['failed', 'queued']);
    const progress = ingestProgress(afterFailure, await ingestBatchStartedItem.getValue());
    expect(progress.lastError?.message).toBe('The disk is full.');

    indexer.failWith = null;
    await retryIngest(indexer);
    expect((await jobs()).map((job) => job.state)).toEqual(['done', 'done']);
  });

  it('goes on past a page that fails on its own', async () => {
    await savePageRecord(page('https://a.example/1', 'one'));
    await savePageRecord(page('https://a.example/2', 'two'));
    indexer.onIndex = (record) => {
      if (record.markdown === 'one') throw new Error('this page is broken');
    };
    await kickIngest(indexer);
    expect(indexer.indexed).toEqual(['two']);
    expect((await jobs()).find((job) => job.state === 'failed')?.error?.message).toContain('broken');
  });

  it('pauses after the current page and resumes where it stopped', async () => {
    for (const n of [1, 2, 3]) await savePageRecord(page(`https://a.example/${n}`, `page ${n}`));
    indexer.onIndex = async () => {
      if (indexer.indexed.length === 0) await pauseIngest();
    };
    await kickIngest(indexer);
    expect(indexer.indexed).toHaveLength(1);
    const paused = ingestProgress(await jobs(), await ingestBatchStartedItem.getValue());
    expect(paused).toMatchObject({ current: 2, total: 3, active: true });

    await resumeIngest(indexer);
    expect(indexer.indexed).toHaveLength(3);
  });

  it('cancel stops the page being indexed and empties the queue; the pages stay in the library', async () => {
    for (const n of [1, 2, 3]) await savePageRecord(page(`https://a.example/${n}`, `page ${n}`));
    let cancelled = false;
    indexer.onIndex = async () => {
      if (cancelled) return;
      cancelled = true;
      await cancelIngest();
    };
    await kickIngest(indexer);
    expect(indexer.indexed).toHaveLength(0);
    expect((await jobs()).map((job) => job.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await db().pages.count()).toBe(3);
    // A later kick does not undo the cancel; Retry does.
    await kickIngest(indexer);
    expect(indexer.indexed).toHaveLength(0);
    await retryIngest(indexer);
    expect(indexer.indexed).toHaveLength(3);
  });

  it('puts a job cut off by a service-worker restart back in the queue', async () => {
    const saved = await savePageRecord(page('https://a.example/1', 'one'));
    // What a worker stopped mid-page leaves behind.
    await db().ingestJobs.put({
      pageId: saved.page.id,
      contentHash: saved.page.contentHash,
      modelId: 'model-a',
      state: 'indexing',
      updatedAt: 1,
    });
    await kickIngest(indexer);
    expect(indexer.indexed).toEqual([]);
    expect(await requeueInterruptedJobs()).toBe(1);
    await kickIngest(indexer);
    expect(indexer.indexed).toEqual(['one']);
  });
});
