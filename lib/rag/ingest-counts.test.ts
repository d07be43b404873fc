import { beforeEach, describe, expect, it } from 'vitest';
import { ingestProgress } from '../../tests/support/ingest-progress-oracle';
import { db } from '../db/database';
import type { IngestJobRecord, IngestState } from '../db/records';
import { readIngestProgress } from './ingest-counts';

const states: IngestState[] = ['queued', 'indexing', 'done', 'failed', 'cancelled'];

/** Jobs in every state, before and after the batch start, some failed with an error. */
function jobs(count: number, seed: number): IngestJobRecord[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  return Array.from({ length: count }, (_, i) => {
    const state = states[next() % states.length] as IngestState;
    return {
      pageId: `p${i}`,
      contentHash: `h${i}`,
      modelId: null,
      state,
      updatedAt: 1000 + (next() % 200),
      ...(state === 'failed' ? { error: { name: 'AsideError', code: 'internal', message: `failed ${i}` } } : {}),
    };
  });
}

describe('indexing progress counted from indexes', () => {
  beforeEach(() => db().ingestJobs.clear());

  it('gives the same figures as counting every job', async () => {
    for (const [count, seed, batch] of [
      [0, 1, 0],
      [1, 2, 1100],
      [40, 3, 1100],
      [200, 4, 1000],
      [200, 5, 1250],
    ] as const) {
      const all = jobs(count, seed);
      await db().ingestJobs.clear();
      await db().ingestJobs.bulkPut(all);
      expect(await readIngestProgress(batch), `${count} jobs, batch from ${batch}`).toEqual(ingestProgress(all, batch));
    }
  });

  it('counts a new batch on top of many indexed pages', async () => {
    const done = Array.from(
      { length: 500 },
      (_, i): IngestJobRecord => ({
        pageId: `d${i}`,
        contentHash: 'h',
        modelId: null,
        state: 'done',
        updatedAt: 10,
      }),
    );
    await db().ingestJobs.bulkPut([
      ...done,
      { pageId: 'new', contentHash: 'h', modelId: null, state: 'queued', updatedAt: 2000 },
    ]);
    const progress = await readIngestProgress(1500);
    expect(progress).toMatchObject({ current: 1, total: 1, indexedPages: 500, active: true });
  });
});
