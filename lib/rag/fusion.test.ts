import { describe, expect, it } from 'vitest';
import { maximalMarginalRelevance, reciprocalRankFusion } from './fusion';

describe('reciprocalRankFusion', () => {
  it('sums 1/(k + rank) over lists, so items high in both lists win', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
    expect(fused[1]?.score).toBeCloseTo(1 / 63 + 1 / 62, 10);
    expect(fused[2]?.score).toBeCloseTo(1 / 61, 10);
  });

  it('applies weights and k, ignores duplicates within a list, handles empty lists', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b'], [], ['b']], { k: 1, weights: [1, 1, 3] });
    expect(fused.map((f) => f.id)).toEqual(['b', 'a']);
    expect(fused[0]?.score).toBeCloseTo(1 / 4 + 3 / 2, 10);
    expect(fused[1]?.score).toBeCloseTo(1 / 2, 10);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

describe('maximalMarginalRelevance', () => {
  const vectors: Record<string, Float32Array> = {
    a: Float32Array.of(1, 0),
    a2: Float32Array.of(0.99, 0.01),
    b: Float32Array.of(0, 1),
  };
  const items = [
    { id: 'a', score: 3 },
    { id: 'a2', score: 2.9 },
    { id: 'b', score: 2 },
  ];

  it('skips a near-duplicate in favour of a different relevant item', () => {
    const picked = maximalMarginalRelevance(items, (id) => vectors[id] ?? null, 2, 0.5);
    expect(picked.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('with λ = 1 keeps relevance order', () => {
    const picked = maximalMarginalRelevance(items, (id) => vectors[id] ?? null, 3, 1);
    expect(picked.map((p) => p.id)).toEqual(['a', 'a2', 'b']);
  });
});
