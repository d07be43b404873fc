/**
 * Local RAG query latency and recall over synthetic 384-d vectors, with the
 * product's in-memory search path (lib/rag/search-indexes.ts: int8 WASM SIMD
 * scan + float rerank, BM25, reciprocal rank fusion):
 * - queryP50Ms/queryP95Ms: hybrid retrieval (vector + BM25 over synthetic
 *   Zipf-distributed text + fusion), k = 10, at 10k, 100k and 1M chunks;
 * - recall10Clustered100k / recall10Random100k: the vector part's top 10 vs
 *   exact float search, on clustered vectors (topics, like real embeddings)
 *   and on uniform random ones (the hard case for quantization);
 * - exactFloatP50Ms100k: plain-JS exact float search at 100k, the baseline,
 *   measured in the same run.
 * Opening the index from IndexedDB is not timed here (fake-indexeddb in Node
 * says nothing about Chrome): time lib/rag/index-cache.ts openVectorIndex()
 * in the browser.
 */
import { Bm25Index, type LexicalDoc } from '../lib/rag/bm25';
import { strideFor } from '../lib/rag/int8-kernel';
import { MemoryVectorIndex } from '../lib/rag/memory-index';
import { quantizeInt8 } from '../lib/rag/quantize';
import { searchIndexes } from '../lib/rag/search-indexes';
import { TopK } from '../lib/rag/top-k';
import { mulberry32 } from '../tests/support/test-models/prng';
import { median, percentile, report, round } from './stats';

const dims = 384;
const vocabularySize = 50_000;
const vocabulary = Array.from({ length: vocabularySize }, (_, i) => `w${i}`);

// Seeded (mulberry32) so runs are comparable.
const random = mulberry32(42);
/** Approximately normal (Irwin-Hall, 4 uniforms): cheap enough to draw 400M of them. */
const gauss = () => (random() + random() + random() + random() - 2) * Math.sqrt(3);

/** Zipf(1.07) word ranks, like natural text. */
const zipfCdf = (() => {
  const weights = Float64Array.from({ length: vocabularySize }, (_, i) => 1 / (i + 1) ** 1.07);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) weights[i] = sum += weights[i] as number;
  return weights.map((w) => w / sum);
})();
function zipfWord(): number {
  const x = random();
  let lo = 0;
  let hi = vocabularySize - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((zipfCdf[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Distribution = 'clustered' | 'random';

/** Unit vectors: around N/100 topic centres (cosine to the centre ≈ 0.75), or uniform on the sphere. */
function vectorSource(distribution: Distribution, count: number): () => Float32Array {
  const centres =
    distribution === 'clustered'
      ? Array.from({ length: Math.max(10, Math.round(count / 100)) }, () => Float32Array.from({ length: dims }, gauss))
      : [];
  return () => {
    const v = new Float32Array(dims);
    const centre = centres[Math.floor(random() * centres.length)];
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const x = centre ? (centre[j] as number) + 0.9 * gauss() : gauss();
      v[j] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) v[j] = (v[j] as number) * inv;
    return v;
  };
}

function syntheticDoc(chunkId: string, words: number): LexicalDoc {
  const counts = new Map<number, number>();
  for (let i = 0; i < words; i++) {
    const w = zipfWord();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return {
    chunkId,
    length: words,
    terms: [...counts.keys()].map((w) => vocabulary[w] as string),
    counts: [...counts.values()],
  };
}

interface Corpus {
  vectors: MemoryVectorIndex;
  lexical: Bm25Index;
  floats: Float32Array | null;
  next: () => Float32Array;
}

/** Builds both indexes through their public append/add methods, in blocks like the store loads them. */
function buildCorpus(count: number, distribution: Distribution, wordsPerChunk: number, keepFloats: boolean): Corpus {
  const next = vectorSource(distribution, count);
  const vectors = new MemoryVectorIndex('bench', dims);
  const lexical = new Bm25Index();
  const floats = keepFloats ? new Float32Array(count * dims) : null;
  const stride = strideFor(dims);
  const block = 4096;
  const chunksPerPage = 16;
  for (let from = 0; from < count; from += block) {
    const n = Math.min(block, count - from);
    const codes = new Int8Array(n * stride);
    const scales = new Float32Array(n);
    const ids: string[] = [];
    const pages: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = next();
      floats?.set(v, (from + i) * dims);
      scales[i] = quantizeInt8(v, codes, i * stride);
      ids.push(`c${from + i}`);
      pages.push(`p${Math.floor((from + i) / chunksPerPage)}`);
    }
    vectors.append(ids, pages, codes, scales);
    for (let i = 0; i < n; i += chunksPerPage) {
      const docs = ids.slice(i, i + chunksPerPage).map((id) => syntheticDoc(id, wordsPerChunk));
      lexical.add(pages[i] as string, docs);
    }
  }
  return { vectors, lexical, floats, next };
}

/** Plain-JS exact float search: the baseline and the ground truth for recall. */
function exactSearch(floats: Float32Array, query: Float32Array, k: number): number[] {
  const top = new TopK(k);
  const count = floats.length / dims;
  for (let i = 0, base = 0; i < count; i++, base += dims) {
    let dot = 0;
    for (let j = 0; j < dims; j++) dot += (floats[base + j] as number) * (query[j] as number);
    top.push(i, dot);
  }
  return top.sorted().map((h) => h.index);
}

function queryText(): string {
  // Mid-frequency words, as a user's question has after stop words.
  return Array.from({ length: 3 }, () => vocabulary[50 + Math.floor(random() * 5000)]).join(' ');
}

function timeHybrid(corpus: Corpus, queries: number): number[] {
  const times: number[] = [];
  for (let q = 0; q < queries + 3; q++) {
    const query = queryText();
    const queryVector = corpus.next();
    const started = performance.now();
    const hits = searchIndexes({ query, queryVector, vectors: corpus.vectors, lexical: corpus.lexical, k: 10 });
    const elapsed = performance.now() - started;
    if (hits.length === 0) throw new Error('hybrid search found nothing');
    if (q >= 3) times.push(elapsed); // the first queries warm the JIT
  }
  return times;
}

function timeVector(corpus: Corpus, queries: number) {
  const times: number[] = [];
  for (let q = 0; q < queries + 3; q++) {
    const queryVector = corpus.next();
    const started = performance.now();
    corpus.vectors.search(queryVector, 50);
    if (q >= 3) times.push(performance.now() - started);
  }
  return figure(times);
}

function recall(corpus: Corpus, queries: number): { recall: number; exactMs: number[] } {
  let found = 0;
  const exactMs: number[] = [];
  const floats = corpus.floats as Float32Array;
  for (let q = 0; q < queries; q++) {
    const query = corpus.next();
    const started = performance.now();
    const exact = new Set(exactSearch(floats, query, 10).map((i) => `c${i}`));
    exactMs.push(performance.now() - started);
    found += corpus.vectors.search(query, 10).filter((hit) => exact.has(hit.chunkId)).length;
  }
  return { recall: found / (10 * queries), exactMs };
}

const details: Record<string, unknown> = { dims, k: 10, simd: new MemoryVectorIndex('x', dims).kernel.simd };
const figure = (values: number[]) => ({ p50: round(median(values)), p95: round(percentile(values, 95)) });
const log = (label: string, value: unknown) => console.log(label.padEnd(34), JSON.stringify(value));

const benchStarted = performance.now();
const small = buildCorpus(10_000, 'clustered', 120, false);
const small10k = figure(timeHybrid(small, 200));
log('hybrid 10k clustered (ms)', small10k);
details.hybrid10k = small10k;

const recalls: Record<Distribution, number> = { clustered: 0, random: 0 };
let hybrid100k = { p50: 0, p95: 0 };
let exact100k: number[] = [];
for (const distribution of ['clustered', 'random'] as const) {
  const started = performance.now();
  const corpus = buildCorpus(100_000, distribution, 120, true);
  const buildMs = performance.now() - started;
  const hybrid = figure(timeHybrid(corpus, 60));
  const measured = recall(corpus, 30);
  recalls[distribution] = round(measured.recall, 3);
  log(`hybrid 100k ${distribution} (ms)`, hybrid);
  log(`recall@10 100k ${distribution}`, recalls[distribution]);
  log(`exact float JS 100k ${distribution} (ms)`, figure(measured.exactMs));
  details[`hybrid100k_${distribution}`] = { ...hybrid, buildMs: round(buildMs) };
  details[`exactFloat100k_${distribution}`] = figure(measured.exactMs);
  if (distribution === 'clustered') {
    hybrid100k = hybrid;
    exact100k = measured.exactMs;
  }
}

// 1M: 24 words per chunk keeps the BM25 build (postings for every chunk) within memory and time.
const started1M = performance.now();
const large = buildCorpus(1_000_000, 'clustered', 24, false);
details.build1MMs = round(performance.now() - started1M);
const large1M = figure(timeHybrid(large, 15));
log('hybrid 1M clustered (ms)', large1M);
details.hybrid1M = { ...large1M, wordsPerChunk: 24 };
const vector1M = timeVector(large, 10);
log('vector part alone 1M (ms)', vector1M);
details.vector1M = vector1M;

details.benchSeconds = round((performance.now() - benchStarted) / 1000, 1);
const vectorBytesPerChunk = strideFor(dims) + 4; // int8 codes + float32 scale, as stored in a block
const exactFloatP50Ms100k = round(median(exact100k));
report(
  'rag-query',
  {
    queryP50Ms10k: small10k.p50,
    queryP50Ms100k: hybrid100k.p50,
    queryP95Ms100k: hybrid100k.p95,
    queryP50Ms1M: large1M.p50,
    recall10Clustered100k: recalls.clustered,
    recall10Random100k: recalls.random,
    vectorBytesPerChunk,
    exactFloatP50Ms100k,
    speedupVsExactFloat100k: round(exactFloatP50Ms100k / hybrid100k.p50, 1),
  },
  details,
);
