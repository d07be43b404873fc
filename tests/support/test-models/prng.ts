/** Seeded PRNG (mulberry32): the test models must be byte-identical on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box-Muller) from a uniform source. */
export function gaussian(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** A Float32Array of normal(0, std) values. */
export function normalArray(length: number, std: number, random: () => number): Float32Array {
  const next = gaussian(random);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = next() * std;
  return out;
}

/** Symmetric per-tensor int8 quantization: returns the int8 codes and the scale. */
export function quantizeInt8(values: Float32Array): { codes: Int8Array; scale: number } {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const codes = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = Math.round(values[i]! / scale);
  return { codes, scale };
}
