import { describe, expect, it } from 'vitest';
import { dequantizeInt8, maxQueryCode, normalize, quantizeInt8, quantizeQuery } from './quantize';

/** Deterministic pseudo-random vector (LCG), so failures reproduce. */
function vector(seed: number, dims: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: dims }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

describe('int8 quantization', () => {
  it('round-trips within half a step per component', () => {
    for (let seed = 1; seed < 20; seed++) {
      const v = normalize(vector(seed, 384));
      const codes = new Int8Array(384 + 16);
      const scale = quantizeInt8(v, codes, 16);
      expect(scale).toBeGreaterThan(0);
      const back = dequantizeInt8(codes, scale, 16, 384);
      for (let i = 0; i < 384; i++)
        expect(Math.abs((back[i] ?? 0) - (v[i] ?? 0))).toBeLessThanOrEqual(scale / 2 + 1e-7);
      expect(Math.max(...codes.subarray(16).map(Math.abs))).toBe(127);
      expect(codes.subarray(0, 16).every((c) => c === 0)).toBe(true);
    }
  });

  it('keeps cosine similarity to three decimals', () => {
    const a = normalize(vector(7, 384));
    const b = normalize(vector(8, 384));
    const codesA = new Int8Array(384);
    const codesB = new Int8Array(384);
    const back = (codes: Int8Array, scale: number) => dequantizeInt8(codes, scale);
    const qa = back(codesA, quantizeInt8(a, codesA));
    const qb = back(codesB, quantizeInt8(b, codesB));
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((sum, xi, i) => sum + xi * (y[i] ?? 0), 0);
    expect(Math.abs(dot(qa, qb) - dot(a, b))).toBeLessThan(1e-3);
  });

  it('maps a zero vector to zero codes and scale 0', () => {
    const codes = new Int8Array(8).fill(5);
    expect(quantizeInt8(new Float32Array(8), codes)).toBe(0);
    expect([...codes]).toEqual(new Array(8).fill(0));
    expect([...normalize(new Float32Array(3))]).toEqual([0, 0, 0]);
  });

  it('query codes stay in the range that keeps int32 dot products exact', () => {
    const v = vector(3, 384);
    const codes = new Int16Array(384);
    const scale = quantizeQuery(v, codes);
    expect(Math.max(...codes.map(Math.abs))).toBe(maxQueryCode(384));
    expect(127 * maxQueryCode(4096) * 4096).toBeLessThan(2 ** 31);
    for (let i = 0; i < 384; i++)
      expect(Math.abs((codes[i] ?? 0) * scale - (v[i] ?? 0))).toBeLessThanOrEqual(scale / 2 + 1e-7);
  });
});
