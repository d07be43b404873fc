import { describe, expect, it } from 'vitest';
import { createInt8Kernel, strideFor } from './int8-kernel';

describe('int8 kernel', () => {
  it('computes the same exact int32 dot products in WebAssembly SIMD as in plain JS, across growth', () => {
    for (const dims of [16, 100, 384]) {
      const wasm = createInt8Kernel(dims);
      const js = createInt8Kernel(dims, { forceJs: true });
      expect(wasm.simd).toBe(true);
      expect(wasm.stride).toBe(strideFor(dims));
      // Extreme codes: ±127 × ±16383 summed over every dimension must not overflow.
      const query = Int16Array.from({ length: wasm.stride }, (_, j) => (j < dims ? (j % 2 ? 16383 : -16383) : 0));
      for (const n of [0, 1, 37, 1000]) {
        wasm.reserve(n);
        js.reserve(n);
        const codes = Int8Array.from({ length: n * wasm.stride }, (_, i) =>
          i % wasm.stride < dims ? ((i * 7919) % 255) - 127 : 0,
        );
        codes.fill(127, 0, Math.min(codes.length, dims));
        wasm.codes().set(codes);
        js.codes().set(codes);
        wasm.query().set(query);
        js.query().set(query);
        const expected = Array.from({ length: n }, (_, i) => {
          let sum = 0;
          for (let j = 0; j < dims; j++) sum += (query[j] ?? 0) * (codes[i * wasm.stride + j] ?? 0);
          return sum;
        });
        expect([...wasm.scan(n)]).toEqual(expected);
        expect([...js.scan(n)]).toEqual(expected);
      }
    }
  });
});
