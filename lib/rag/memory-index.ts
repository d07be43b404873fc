import { createInt8Kernel, type Int8Kernel } from './int8-kernel';
import { normalize, quantizeQuery } from './quantize';
import { TopK } from './top-k';

/** A vector search hit: cosine similarity of the query with the stored (int8) vector. */
export interface VectorHit {
  chunkId: string;
  pageId: string;
  score: number;
}

export interface VectorSearchOptions {
  /** Candidates kept from the int8 scan for the float rerank (default max(100, 4k)). */
  candidates?: number;
  /** Only these pages (undefined = all). */
  pages?: ReadonlySet<string>;
}

/**
 * All vectors of one model in memory, searched without any index build:
 * 1. the query is quantized to int16 and dotted with every int8 code by a
 *    WebAssembly SIMD kernel (≈ 2-3 ms per 100k × 384 dims);
 * 2. the best `candidates` by code dot × scale are reranked with the float
 *    query against the dequantized codes.
 * Removal marks rows dead (no copying); the store reloads compacted data on
 * the next open.
 */
export class MemoryVectorIndex {
  readonly kernel: Int8Kernel;
  private scales = new Float32Array(0);
  private alive = new Uint8Array(0);
  private pageOf = new Int32Array(0);
  private chunkIds: string[] = [];
  /** Live row of each chunk id. */
  private readonly chunkRow = new Map<string, number>();
  private pageIds: string[] = [];
  private pageIndex = new Map<string, number>();
  private rows = 0;
  private live = 0;

  constructor(
    readonly modelId: string,
    readonly dims: number,
    options: { forceJs?: boolean } = {},
  ) {
    this.kernel = createInt8Kernel(dims, options);
  }

  /** Live (not removed) vectors. */
  get size(): number {
    return this.live;
  }

  /** Appends vectors given as int8 codes (`stride` per vector, see strideFor) and scales; a chunk id already present is replaced. */
  append(chunkIds: readonly string[], pageIds: readonly string[], codes: Int8Array, scales: Float32Array): void {
    const n = chunkIds.length;
    const stride = this.kernel.stride;
    if (codes.length !== n * stride || scales.length !== n || pageIds.length !== n) {
      throw new Error('MemoryVectorIndex.append: mismatched lengths');
    }
    this.removeChunks(chunkIds);
    this.reserve(this.rows + n);
    this.kernel.codes().set(codes, this.rows * stride);
    this.scales.set(scales, this.rows);
    this.alive.fill(1, this.rows, this.rows + n);
    for (let i = 0; i < n; i++) {
      const pageId = pageIds[i] as string;
      let index = this.pageIndex.get(pageId);
      if (index === undefined) {
        index = this.pageIds.push(pageId) - 1;
        this.pageIndex.set(pageId, index);
      }
      this.pageOf[this.rows + i] = index;
      this.chunkIds[this.rows + i] = chunkIds[i] as string;
      this.chunkRow.set(chunkIds[i] as string, this.rows + i);
    }
    this.rows += n;
    this.live += n;
  }

  /** Forgets a page's vectors. */
  removePage(pageId: string): void {
    const index = this.pageIndex.get(pageId);
    if (index === undefined) return;
    for (let i = 0; i < this.rows; i++) {
      if (this.pageOf[i] === index && this.alive[i]) this.kill(i);
    }
  }

  /** Forgets vectors by chunk id. */
  removeChunks(chunkIds: Iterable<string>): void {
    for (const chunkId of chunkIds) {
      const row = this.chunkRow.get(chunkId);
      if (row !== undefined) this.kill(row);
    }
  }

  private kill(row: number): void {
    this.alive[row] = 0;
    this.live--;
    this.chunkRow.delete(this.chunkIds[row] as string);
  }

  /** The k nearest chunks by cosine similarity (the query need not be normalized). */
  search(query: Float32Array, k: number, options: VectorSearchOptions = {}): VectorHit[] {
    if (this.rows === 0 || k <= 0) return [];
    const unit = normalize(query.subarray(0, this.dims));
    quantizeQuery(unit, this.kernel.query());
    const dots = this.kernel.scan(this.rows);
    const allowed = this.allowedPages(options.pages);
    const top = new TopK(Math.max(options.candidates ?? 100, 4 * k));
    const { scales, alive, pageOf } = this;
    for (let i = 0; i < this.rows; i++) {
      const score = (dots[i] as number) * (scales[i] as number);
      if (score > top.threshold && alive[i] && (!allowed || allowed[pageOf[i] as number])) top.push(i, score);
    }
    const codes = this.kernel.codes();
    const stride = this.kernel.stride;
    const rerank = new TopK(k);
    for (const row of top.indices()) {
      let dot = 0;
      const base = row * stride;
      for (let j = 0; j < this.dims; j++) dot += (unit[j] as number) * (codes[base + j] as number);
      rerank.push(row, dot * (scales[row] as number));
    }
    return rerank.sorted().map(({ index, score }) => ({
      chunkId: this.chunkIds[index] as string,
      pageId: this.pageIds[this.pageOf[index] as number] as string,
      score,
    }));
  }

  /** The stored (dequantized) vector of a chunk, for MMR; null when unknown. */
  vectorOf(chunkId: string): Float32Array | null {
    const row = this.chunkRow.get(chunkId);
    if (row === undefined) return null;
    const out = new Float32Array(this.dims);
    const codes = this.kernel.codes();
    const scale = this.scales[row] as number;
    for (let j = 0; j < this.dims; j++) out[j] = (codes[row * this.kernel.stride + j] as number) * scale;
    return out;
  }

  private allowedPages(pages: ReadonlySet<string> | undefined): Uint8Array | null {
    if (!pages) return null;
    const mask = new Uint8Array(this.pageIds.length);
    for (const pageId of pages) {
      const index = this.pageIndex.get(pageId);
      if (index !== undefined) mask[index] = 1;
    }
    return mask;
  }

  private reserve(count: number): void {
    if (count <= this.scales.length) {
      this.kernel.reserve(count);
      return;
    }
    const capacity = Math.max(count, Math.ceil(this.scales.length * 1.5));
    this.kernel.reserve(capacity);
    const grow = <T extends Float32Array | Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.scales = grow(this.scales, (n) => new Float32Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.pageOf = grow(this.pageOf, (n) => new Int32Array(n));
  }
}
