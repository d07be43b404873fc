import { describe, expect, it } from 'vitest';
import { strideFor } from './int8-kernel';
import { MemoryVectorIndex } from './memory-index';
import { normalize, quantizeInt8 } from './quantize';

/** Deterministic unit vectors around a few centres, like embeddings of a few topics. */
function dataset(count: number, dims: number, seed = 1): Float32Array[] {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const centres = Array.from({ length: 8 }, () => Float32Array.from({ length: dims }, random));
  return Array.from({ length: count }, (_, i) =>
    normalize(Float32Array.from({ length: dims }, (_, j) => (centres[i % 8]?.[j] ?? 0) + 0.8 * random())),
  );
}

function build(vectors: Float32Array[], dims: number, forceJs = false): MemoryVectorIndex {
  const index = new MemoryVectorIndex('m', dims, { forceJs });
  const stride = strideFor(dims);
  const codes = new Int8Array(vectors.length * stride);
  const scales = Float32Array.from(vectors, (v, i) => quantizeInt8(v, codes, i * stride));
  index.append(
    vectors.map((_, i) => `c${i}`),
    vectors.map((_, i) => `p${i % 10}`),
    codes,
    scales,
  );
  return index;
}

function exactTop(vectors: Float32Array[], query: Float32Array, k: number): string[] {
  return vectors
    .map((v, i) => ({ id: `c${i}`, score: v.reduce((s, x, j) => s + x * (query[j] ?? 0), 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((h) => h.id);
}

describe('MemoryVectorIndex', () => {
  const dims = 100; // not a multiple of 16: exercises the padded stride
  const vectors = dataset(2000, dims);
  const queries = dataset(20, dims, 99);

  it('finds the exact float top 10 (recall ≥ 0.95) with WebAssembly SIMD and with the JS fallback', () => {
    for (const forceJs of [false, true]) {
      const index = build(vectors, dims, forceJs);
      expect(index.kernel.simd).toBe(!forceJs);
      let found = 0;
      for (const query of queries) {
        const exact = exactTop(vectors, query, 10);
        found += index.search(query, 10).filter((hit) => exact.includes(hit.chunkId)).length;
      }
      expect(found / (10 * queries.length)).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('scores are cosine similarities, best first', () => {
    const index = build(vectors, dims);
    const query = vectors[5] as Float32Array;
    const hits = index.search(
      Float32Array.from(query, (x) => x * 3),
      5,
    );
    expect(hits[0]?.chunkId).toBe('c5');
    expect(hits[0]?.score).toBeCloseTo(1, 2);
    for (let i = 1; i < hits.length; i++) expect(hits[i]?.score).toBeLessThanOrEqual(hits[i - 1]?.score ?? 1);
  });

  it('filters by page, removes pages and replaces chunks', () => {
    const index = build(vectors, dims);
    const query = vectors[3] as Float32Array;
    const only = index.search(query, 10, { pages: new Set(['p7']) });
    expect(only).toHaveLength(10);
    expect(only.every((h) => h.pageId === 'p7')).toBe(true);
    index.removePage('p3');
    expect(index.size).toBe(1800);
    expect(index.search(query, 50).some((h) => h.pageId === 'p3')).toBe(false);
    const stride = strideFor(dims);
    const codes = new Int8Array(stride);
    const scale = quantizeInt8(vectors[3] as Float32Array, codes);
    index.append(['c3'], ['p3'], codes, Float32Array.of(scale));
    expect(index.size).toBe(1801);
    expect(index.search(query, 1)[0]?.chunkId).toBe('c3');
    expect(index.vectorOf('c3')?.length).toBe(dims);
    expect(index.vectorOf('c13')).toBeNull();
  });

  it('returns nothing when empty', () => {
    expect(new MemoryVectorIndex('m', 8).search(new Float32Array(8), 5)).toEqual([]);
  });
});
