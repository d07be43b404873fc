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
    // Byte comparison: toEqual on 210,000 numbers takes seconds on a loaded machine.
    const joined = new Float32Array(data.length);
    for (const [i, row] of rows.entries()) joined.set(row, i * 70_000);
    expect(Buffer.from(joined.buffer).equals(Buffer.from(data.buffer))).toBe(true);
  });

  it('encodes a view on a larger buffer without its neighbours, and nothing as nothing', () => {
    const buffer = new Float32Array([9, 1, 2, 9]);
    expect(Array.from(decodeVectors(encodeVectors(buffer.subarray(1, 3)), 2)[0] ?? [])).toEqual([1, 2]);
    expect(decodeVectors(encodeVectors(new Float32Array(0)), 4)).toEqual([]);
  });
});
