/**
 * The center a model's vectors are stored relative to: the mean of its first
 * vectors. Embedding models put every text in a narrow cone (mean pairwise
 * cosine 0.7–0.99), so int8 codes of the raw vectors spend their precision on
 * what all vectors share; codes of `vector − center` spend it on what tells
 * them apart. Ranking is unchanged (query·center is the same for every row).
 * Measured on corpus text with the MiniLM-shaped model: recall@10 0.74 → 0.98.
 */
export function centerOf(units: readonly Float32Array[]): Float32Array | null {
  const first = units[0];
  if (!first) return null;
  const mean = new Float32Array(first.length);
  for (const unit of units)
    for (let j = 0; j < mean.length; j++) mean[j] = (mean[j] as number) + (unit[j] as number) / units.length;
  return mean;
}

/** `unit − center`, what is quantized. */
export function residual(unit: Float32Array, center: Float32Array): Float32Array {
  const out = new Float32Array(unit.length);
  for (let j = 0; j < out.length; j++) out[j] = (unit[j] as number) - (center[j] as number);
  return out;
}

/** Whether two centers are the same (both absent counts). */
export function sameCenter(a: Float32Array | null, b: Float32Array | null): boolean {
  if (!a || !b) return a === b || (!a && !b);
  return a.length === b.length && a.every((value, j) => value === b[j]);
}
