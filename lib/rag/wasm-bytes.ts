/**
 * Just enough of the WebAssembly binary format to emit Aside's scan kernels
 * (https://webassembly.github.io/spec/core/binary/): one function
 * `scan(q, codes, n, out)` over an imported memory, looping over n vectors
 * of `stride` bytes and storing one i32 per vector.
 */
const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};
const sleb = (value: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];

/** A SIMD instruction (0xfd prefix). */
export const simd = (op: number) => [0xfd, ...uleb(op)];
/** v128.load with a constant offset (alignment hint 1). */
export const v128Load = (offset: number) => [...simd(0x00), 0x00, ...uleb(offset)];
const extractLane = simd(0x1b);

/**
 * The module around a per-vector body. `vectorSum` runs with locals 0 = q,
 * 5 = this vector's address, 6 = a spare v128, and must leave one i32x4 on
 * the stack; its four lanes summed are stored at out[i].
 */
export function scanModule(stride: number, vectorSum: number[]): Uint8Array<ArrayBuffer> {
  // params: 0 q, 1 codes, 2 n, 3 out (int32*); locals: 4 i, 5 p, 6 v (v128)
  const perVector: number[] = [0x20, 3, 0x20, 4, 0x41, 2, 0x74, 0x6a]; // out + i*4
  perVector.push(...vectorSum, 0x21, 6);
  perVector.push(0x20, 6, ...extractLane, 0, 0x20, 6, ...extractLane, 1, 0x6a);
  perVector.push(0x20, 6, ...extractLane, 2, 0x6a, 0x20, 6, ...extractLane, 3, 0x6a);
  perVector.push(0x36, 2, 0); // i32.store
  perVector.push(0x20, 5, 0x41, ...sleb(stride), 0x6a, 0x21, 5); // p += stride
  perVector.push(0x20, 4, 0x41, 1, 0x6a, 0x22, 4, 0x20, 2, 0x49, 0x0d, 0); // ++i < n → loop
  const body = [
    ...[2, 2, 0x7f, 1, 0x7b], // locals: 2 × i32, 1 × v128
    ...[0x02, 0x40, 0x20, 2, 0x45, 0x0d, 0], // block; if n == 0 break
    ...[0x20, 1, 0x21, 5], // p = codes
    ...[0x03, 0x40, ...perVector, 0x0b],
    ...[0x0b, 0x0b],
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

/** A compiled scan kernel over its own memory: [query | codes (capacity × stride) | out (int32 × capacity)]. */
export interface WasmScanner {
  readonly memory: WebAssembly.Memory;
  readonly codesOffset: number;
  capacity(): number;
  reserve(count: number): void;
  /** Runs the kernel over vectors [0, n); returns the int32 results. */
  scan(n: number): Int32Array;
}

const page = 65536;
const align = (n: number) => Math.ceil(n / 64) * 64;

/** Compiles and instantiates a module from scanModule (throws without SIMD or when the CSP forbids it). */
export function wasmScanner(bytes: Uint8Array<ArrayBuffer>, queryBytes: number, stride: number): WasmScanner {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const scan = instance.exports.scan as (q: number, codes: number, n: number, out: number) => void;
  const codesOffset = align(queryBytes);
  let capacity = 0;
  const outOffset = () => align(codesOffset + capacity * stride);
  return {
    memory,
    codesOffset,
    capacity: () => capacity,
    reserve(count) {
      if (count <= capacity) return;
      capacity = Math.max(count, Math.ceil(capacity * 1.5));
      const needed = outOffset() + capacity * 4;
      if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / page));
    },
    scan(n) {
      scan(0, codesOffset, n, outOffset());
      return new Int32Array(memory.buffer, outOffset(), n);
    },
  };
}
