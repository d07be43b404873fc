import { describe, expect, it } from 'vitest';
import { fuseQueryLists } from './fuse-query-lists';
import type { HybridHit } from './search-indexes';

const hits = (...ids: string[]): HybridHit[] => ids.map((id, i) => ({ id, score: 1 / (61 + i), keywordScore: 10 - i }));

describe('fuseQueryLists (RAG-Fusion)', () => {
  it('sums 1 / (60 + rank) over the question and its rewrites, each chunk once per list', () => {
    const fused = fuseQueryLists(hits('a', 'b'), [hits('c', 'b'), hits('b', 'b', 'd')]);
    const score = Object.fromEntries(fused.map((hit) => [hit.id, hit.score]));
    // b: rank 2 in the question, 2 in the first rewrite, 1 in the second (its repeat counts once).
    expect(score.b).toBeCloseTo(1 / 62 + 1 / 62 + 1 / 61, 12);
    expect(score.a).toBeCloseTo(1 / 61, 12);
    expect(score.c).toBeCloseTo(1 / 61, 12);
    expect(score.d).toBeCloseTo(1 / 63, 12);
    // Found by every wording, b leads; a and c tie and the question's own list wins the tie.
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps a chunk only a rewrite found', () => {
    expect(fuseQueryLists(hits('a'), [hits('z')]).map((hit) => hit.id)).toEqual(['a', 'z']);
  });

  it('finds nothing when the question itself finds nothing: rewrites alone never open the gate', () => {
    expect(fuseQueryLists([], [hits('rice-page'), hits('rice-page')])).toEqual([]);
  });

  it('carries the best raw scores any wording gave a chunk', () => {
    const question: HybridHit[] = [{ id: 'a', score: 0.1, keywordScore: 2 }];
    const rewrite: HybridHit[] = [{ id: 'a', score: 0.1, keywordScore: 5, vectorScore: 0.7 }];
    expect(fuseQueryLists(question, [rewrite])[0]).toMatchObject({ id: 'a', keywordScore: 5, vectorScore: 0.7 });
  });
});
