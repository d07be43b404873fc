import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { closeRagIndexes, openVectorIndex } from './index-cache';
import { normalize } from './quantize';
import { addChunks } from './vector-index';

const dims = 64;

/** Unit vectors in a narrow cone (mean pairwise cosine ≈ 0.98), as embedding models produce. */
function cone(count: number, seed = 7): Float32Array[] {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const axis = Float32Array.from({ length: dims }, () => 1);
  return Array.from({ length: count }, () => normalize(Float32Array.from(axis, (x) => x + 0.8 * random())));
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, j) => sum + x * (b[j] as number), 0);

async function store(vectors: Float32Array[]): Promise<void> {
  // Two calls: the second batch must be stored relative to the center chosen by the first.
  const entries = vectors.map((vector, i) => ({
    pageId: `p${i}`,
    chunk: { ordinal: 0, text: `t${i}`, headingPath: [], start: 0, end: 2 },
    vector,
  }));
  await addChunks('m', dims, entries.slice(0, 100));
  await addChunks('m', dims, entries.slice(100));
}

function recallAt10(search: (q: Float32Array) => string[], vectors: Float32Array[], queries: Float32Array[]) {
  let hits = 0;
  for (const q of queries) {
    const exact = vectors
      .map((v, i) => ({ id: `p${i}#0`, score: dot(v, q) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((h) => h.id);
    const found = new Set(search(q));
    hits += exact.filter((id) => found.has(id)).length;
  }
  return hits / (queries.length * 10);
}

describe('vectors stored relative to the model center', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  it('keeps recall and true cosine scores for vectors in a narrow cone, also after reopening', async () => {
    const vectors = cone(600);
    const queries = cone(30, 99);
    await store(vectors);
    const live = await openVectorIndex('m');
    const liveRecall = recallAt10((q) => live.search(q, 10).map((h) => h.chunkId), vectors, queries);
    expect(liveRecall).toBeGreaterThanOrEqual(0.95);

    const [query] = queries as [Float32Array];
    const [top] = live.search(query, 1);
    const index = Number(top?.chunkId.slice(1, -2));
    expect(top?.score).toBeCloseTo(dot(vectors[index] as Float32Array, query), 2);

    closeRagIndexes();
    const reopened = await openVectorIndex('m');
    expect(reopened.center).not.toBeNull();
    const reopenedRecall = recallAt10((q) => reopened.search(q, 10).map((h) => h.chunkId), vectors, queries);
    expect(reopenedRecall).toBe(liveRecall);
  });
});
