/**
 * Groups texts into batches of similar length: a batch is padded to its
 * longest member, so sorting by length first avoids paying for padding.
 * Returns batches of original indices, shortest texts first.
 */
export function lengthBuckets(lengths: readonly number[], batchSize: number): number[][] {
  const size = Math.max(1, Math.floor(batchSize));
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}
