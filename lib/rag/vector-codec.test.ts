import { describe, expect, it } from 'vitest';
import { decodeVectors, encodeVectors } from './vector-codec';

describe('vector codec', () => {
  it('round-trips float32 vectors exactly through base64, split by dims', () => {
    const data = Float32Array.from({ length: 3 * 70_000 }, (_, i) => Math.sin(i) / (i + 1));
    const encoded = encodeVectors(data);
    expect(typeof encoded).toBe('string');
    const rows = decodeVectors(encoded, 70_000);
    expect(rows).toHaveLength(3);
    expect(rows[2]?.[69_999]).toBe(data[3 * 70_000 - 1]);
    expect(Array.from(rows.flatMap((r) => Array.from(r)))).toEqual(Array.from(data));
  });

  it('encodes a view on a larger buffer without its neighbours, and nothing as nothing', () => {
    const buffer = new Float32Array([9, 1, 2, 9]);
    expect(Array.from(decodeVectors(encodeVectors(buffer.subarray(1, 3)), 2)[0] ?? [])).toEqual([1, 2]);
    expect(decodeVectors(encodeVectors(new Float32Array(0)), 4)).toEqual([]);
  });
});
