import { describe, expect, it } from 'vitest';
import { lengthBuckets } from './length-buckets';

describe('lengthBuckets', () => {
  it('batches texts of similar length together and covers every index once', () => {
    const lengths = [50, 3, 49, 4, 200, 2];
    const batches = lengthBuckets(lengths, 2);
    expect(batches).toEqual([
      [5, 1],
      [3, 2],
      [0, 4],
    ]);
    expect(batches.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps input order among equal lengths and survives odd sizes', () => {
    expect(lengthBuckets([1, 1, 1], 0)).toEqual([[0], [1], [2]]);
    expect(lengthBuckets([], 8)).toEqual([]);
  });
});
