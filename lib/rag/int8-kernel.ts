/**
 * The hot loop of vector search: dot products of an int16 query with n int8
 * code vectors, as a WebAssembly SIMD module assembled here (a few hundred
 * bytes, so there is no .wasm file to ship or fetch). The module is generated
 * for one `stride` (dimensions padded to 16) with the inner loop fully
 * unrolled and constant load offsets. Plain JS does the same thing when
 * WebAssembly SIMD is unavailable (or blocked by a CSP without
 * 'wasm-unsafe-eval'), though some 50× slower (measured: 2-3 ms vs ~200 ms at
 * 100k × 384 in Node 20).
 */

/** Dot product scanner over a growable code buffer. */
export interface Int8Kernel {
  readonly stride: number;
  readonly simd: boolean;
  /** Int16 query codes, `stride` long (zero-padded). */
  query(): Int16Array;
  /** The code buffer: vector i at [i × stride, (i + 1) × stride). Views change after reserve(). */
  codes(): Int8Array;
  /** Makes room for `count` vectors, keeping existing codes. */
  reserve(count: number): void;
  /** Dot products of the query with vectors [0, n); the returned view is valid until the next call. */
  scan(n: number): Int32Array;
}

import { scanModule, simd, v128Load, wasmScanner } from './wasm-bytes';

/** Dimensions padded to a multiple of 16 (one SIMD register of int8 codes). */
export const strideFor = (dims: number) => Math.ceil(dims / 16) * 16;

/** `scan(q, codes, n, out)`: out[i] = Σ q[j] × codes[i × stride + j] for i < n. */
const [extendLow, extendHigh, dot, i32x4Add] = [0x87, 0x88, 0xba, 0xae].map(simd) as [
  number[],
  number[],
  number[],
  number[],
];

function kernelBytes(stride: number): Uint8Array<ArrayBuffer> {
  // Stack on entry: the store address; locals: 0 q (int16*), 5 p (this vector's codes), 6 v (v128).
  const sum: number[] = [];
  for (let g = 0; g < stride / 16; g++) {
    sum.push(0x20, 5, ...v128Load(16 * g), 0x22, 6, ...extendLow, 0x20, 0, ...v128Load(32 * g), ...dot);
    if (g > 0) sum.push(...i32x4Add);
    sum.push(0x20, 6, ...extendHigh, 0x20, 0, ...v128Load(32 * g + 16), ...dot, ...i32x4Add);
  }
  return scanModule(stride, sum);
}

/** A kernel for vectors of `dims` dimensions: WebAssembly SIMD when it compiles, plain JS otherwise. */
export function createInt8Kernel(dims: number, options: { forceJs?: boolean } = {}): Int8Kernel {
  const stride = strideFor(dims);
  if (!options.forceJs) {
    try {
      return wasmKernel(stride);
    } catch {
      // No SIMD, or compilation blocked by the CSP: fall through to JS.
    }
  }
  return jsKernel(stride);
}

function wasmKernel(stride: number): Int8Kernel {
  const scanner = wasmScanner(kernelBytes(stride), stride * 2, stride);
  return {
    stride,
    simd: true,
    query: () => new Int16Array(scanner.memory.buffer, 0, stride),
    codes: () => new Int8Array(scanner.memory.buffer, scanner.codesOffset, scanner.capacity() * stride),
    reserve: (count) => scanner.reserve(count),
    scan: (n) => scanner.scan(n),
  };
}

function jsKernel(stride: number): Int8Kernel {
  const query = new Int16Array(stride);
  let codes = new Int8Array(0);
  let out = new Int32Array(0);
  return {
    stride,
    simd: false,
    query: () => query,
    codes: () => codes,
    reserve(count) {
      if (count * stride <= codes.length) return;
      const grown = new Int8Array(Math.max(count, Math.ceil((codes.length / stride) * 1.5)) * stride);
      grown.set(codes);
      codes = grown;
      out = new Int32Array(grown.length / stride);
    },
    scan(n) {
      for (let i = 0, p = 0; i < n; i++, p += stride) {
        let sum = 0;
        for (let j = 0; j < stride; j++) sum += (query[j] as number) * (codes[p + j] as number);
        out[i] = sum;
      }
      return out.subarray(0, n);
    },
  };
}
