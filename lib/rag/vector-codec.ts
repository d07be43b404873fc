/**
 * Vectors cross extension contexts as one base64 string of little-endian
 * float32 bytes: runtime messages are JSON-serialized in Chrome, where a
 * Float32Array would become an object of indices (~20 bytes per float) and a
 * number array ~10; base64 costs 5.3 bytes per float and decodes fast.
 */
export function encodeVectors(data: Float32Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Splits decoded floats into one Float32Array per vector (views on one buffer). */
export function decodeVectors(base64: string, dims: number): Float32Array[] {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const all = new Float32Array(bytes.buffer);
  const out: Float32Array[] = [];
  for (let offset = 0; dims > 0 && offset < all.length; offset += dims) out.push(all.subarray(offset, offset + dims));
  return out;
}
