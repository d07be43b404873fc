/** Largest int8 code: symmetric range, so -127..127 (never -128) and negation is exact. */
const int8Max = 127;
/**
 * Query codes are int16 but kept to ±16383 so a 384..4096-dim dot with int8
 * codes stays far inside int32 (16383 × 127 × 1024 ≈ 2.1e9 is the limit at
 * 1024 dims; see maxQueryCode for the per-dims bound).
 */
export function maxQueryCode(dims: number): number {
  return Math.max(1, Math.min(16383, Math.floor(2_000_000_000 / (int8Max * Math.max(1, dims)))));
}

/** A copy scaled to unit length (cosine similarity becomes a dot product). A zero vector stays zero. */
export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += (vector[i] ?? 0) ** 2;
  const out = new Float32Array(vector.length);
  if (norm === 0) return out;
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) * inv;
  return out;
}

/**
 * int8 codes with one scale per vector: code = round(x / scale), scale =
 * max|x| / 127, so x ≈ code × scale. Writes `vector.length` codes at
 * `offset`; returns the scale (0 for a zero vector).
 */
export function quantizeInt8(vector: Float32Array, codes: Int8Array, offset = 0): number {
  let max = 0;
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
  const scale = max / int8Max;
  const inv = scale === 0 ? 0 : 1 / scale;
  for (let i = 0; i < vector.length; i++) codes[offset + i] = Math.round((vector[i] ?? 0) * inv);
  return scale;
}

/** The vector int8 codes stand for. */
export function dequantizeInt8(
  codes: Int8Array,
  scale: number,
  offset = 0,
  dims = codes.length - offset,
): Float32Array {
  const out = new Float32Array(dims);
  for (let i = 0; i < dims; i++) out[i] = (codes[offset + i] ?? 0) * scale;
  return out;
}

/** int16 query codes for the int8 scan, in ±maxQueryCode(dims); returns the scale. */
export function quantizeQuery(vector: Float32Array, codes: Int16Array): number {
  let max = 0;
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
  const scale = max / maxQueryCode(vector.length);
  const inv = scale === 0 ? 0 : 1 / scale;
  codes.fill(0);
  for (let i = 0; i < vector.length; i++) codes[i] = Math.round((vector[i] ?? 0) * inv);
  return scale;
}
