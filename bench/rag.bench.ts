/**
 * Local RAG, end to end, and the summary of every RAG figure (bench/results/rag.json):
 * - ingestPagesPerMin: real corpus pages saved in the built extension, from the
 *   first save to the last page searchable (chunked, embedded with the
 *   MiniLM-shaped test model in the offscreen document, written to IndexedDB);
 * - indexOpenMs100k: 100k packed int8 vectors in the extension's IndexedDB,
 *   opened by a fresh service worker (median of 3 restarts);
 * - recall10RealText: recall@10 of the stored vectors (int8 relative to the
 *   model's center, scan + float rerank) against exact float search, on real
 *   article text (the corpus chunked with the product's chunker, embedded
 *   natively with the same model, written through addChunks);
 * plus the figures of embed.bench.ts and rag-query.bench.ts when they ran first.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { chunkMarkdown } from '../lib/rag/chunk';
import { EmbedEngine } from '../lib/rag/embed-engine';
import { closeRagIndexes, openVectorIndex } from '../lib/rag/index-cache';
import { addChunks } from '../lib/rag/vector-index';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { type AsideBrowser, launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startPageServer } from '../tests/e2e/support/page-server';
import { stopServiceWorker } from '../tests/e2e/support/service-worker';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';
import { median, report, round } from './stats';

const modelId = TEST_MODELS.minilm;
const dims = 384;
const corpusDir = path.resolve(import.meta.dirname, '../../shared/corpora/readability');
const ingestPages = [
  'wikipedia',
  'qq',
  'v8-blog',
  'mozilla-1',
  'ars-1',
  'lwn-1',
  'medium-1',
  'nytimes-1',
  'bbc-1',
  'cnn',
];

interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: unknown;
}

/** Sends one typed background request from an extension page, as the UI does. */
async function request<T>(page: Page, type: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    ({ type, payload }) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ aside: 1, type, payload }),
    { type, payload },
  )) as Reply<T>;
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** Counts the extension's ingest jobs by state, reading its IndexedDB from an extension page. */
function jobStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('ingestJobs').objectStore('ingestJobs').getAll();
          all.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const job of all.result as { state: string }[]) counts[job.state] = (counts[job.state] ?? 0) + 1;
            open.result.close();
            resolve(counts);
          };
        };
      }),
  );
}

async function ingest(aside: AsideBrowser, options: Page, hostUrl: string) {
  const pages = await startPageServer();
  try {
    await writeSetting(aside, 'embeddingSettings', { modelId, host: 'mirror', mirrorUrl: hostUrl });
    // Turn semantic search on and load the model first: ingest is timed, not the one-time download.
    await request(options, 'embedder.prepare', {});
    console.log('model ready');
    const tab = await aside.context.newPage();
    const started = performance.now();
    for (const name of ingestPages) {
      await tab.goto(pages.corpusUrl(name));
      const tabId = await aside.serviceWorker.evaluate(async (url) => {
        const [found] = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ url });
        return found?.id;
      }, pages.corpusUrl(name));
      await request(options, 'library.saveTab', { tabId });
    }
    let lastReport = 0;
    for (;;) {
      const states = await jobStates(options);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        console.log(`ingest: ${JSON.stringify(states)} after ${round((performance.now() - started) / 1000, 1)} s`);
      }
      if ((states.done ?? 0) + (states.failed ?? 0) >= ingestPages.length) {
        if (states.failed) throw new Error(`ingest failed for ${states.failed} pages`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const minutes = (performance.now() - started) / 60_000;
    return {
      pages: ingestPages.length,
      minutes: round(minutes, 3),
      pagesPerMin: round(ingestPages.length / minutes, 1),
    };
  } finally {
    await pages.close();
  }
}

/** Writes `count` random int8 vectors into the extension's IndexedDB in the product's block format. */
async function seedVectors(options: Page, model: string, count: number) {
  await options.evaluate(
    async ({ model, count, dims }) => {
      const stride = Math.ceil(dims / 16) * 16;
      const blockSize = 4096;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (let from = 0; from < count; from += blockSize) {
        const n = Math.min(blockSize, count - from);
        const codes = new Int8Array(n * stride);
        for (let i = 0; i < codes.length; i++) codes[i] = (Math.random() * 255 - 127) | 0;
        const scales = new Float32Array(n).fill(1 / 127 / Math.sqrt(dims));
        const chunkIds = Array.from({ length: n }, (_, i) => `seed-${Math.floor((from + i) / 20)}#${(from + i) % 20}`);
        const rowPages = chunkIds.map((id) => id.split('#')[0] as string);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('ragVectorBlocks', 'readwrite');
          tx.objectStore('ragVectorBlocks').put({
            id: `seed-block-${from}`,
            modelId: model,
            dims,
            stride,
            count: n,
            chunkIds,
            rowPages,
            pageIds: [...new Set(rowPages)],
            codes: codes.buffer,
            scales: scales.buffer,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { model, count, dims },
  );
}

async function indexOpen(aside: AsideBrowser, options: Page) {
  const model = 'bench/seeded-100k';
  await seedVectors(options, model, 100_000);
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    await stopServiceWorker(aside);
    const stats = await request<{ vectors: number; loadMs: number | null }>(options, 'rag.indexStats', {
      modelId: model,
    });
    if (stats.vectors !== 100_000 || stats.loadMs === null) throw new Error(`index opened ${stats.vectors} vectors`);
    runs.push(stats.loadMs);
  }
  return { runs: runs.map((ms) => round(ms, 1)), medianMs: round(median(runs), 1) };
}

/** Recall@10 of the product's vector search against exact float search, on embedded corpus chunks. */
async function realTextRecall(hostUrl: string) {
  const engine = new EmbedEngine();
  const texts: string[] = [];
  for (const name of fs.readdirSync(corpusDir).sort()) {
    const html = fs.readFileSync(path.join(corpusDir, name, 'expected.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const chunk of chunkMarkdown(text)) if (chunk.text.length > 200) texts.push(chunk.text);
  }
  const step = Math.max(1, Math.floor(texts.length / 900));
  const sample = texts.filter((_, i) => i % step === 0).slice(0, 900);
  const out = await engine.embed({ modelId, remoteHost: hostUrl, dtype: 'q8' }, sample, 32);
  const vectors = sample.map((_, i) => out.data.slice(i * out.dims, (i + 1) * out.dims));
  const queries = vectors.splice(0, 100);
  // Stored exactly as the ingest queue stores them (addChunks, 16 at a time), in IndexedDB (fake-indexeddb in Node).
  for (let from = 0; from < vectors.length; from += 16) {
    await addChunks(
      modelId,
      dims,
      vectors.slice(from, from + 16).map((vector, i) => ({
        pageId: `c${from + i}`,
        chunk: { ordinal: 0, text: '', headingPath: [], start: 0, end: 0 },
        vector,
      })),
    );
  }
  closeRagIndexes();
  const index = await openVectorIndex(modelId);
  let hits = 0;
  for (const q of queries) {
    const exact = vectors
      .map((v, i) => ({ i, score: v.reduce((sum, x, d) => sum + x * (q[d] as number), 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((h) => `c${h.i}#0`);
    const found = new Set(index.search(q, 10).map((h) => h.chunkId));
    hits += exact.filter((id) => found.has(id)).length;
  }
  return { chunks: vectors.length, queries: queries.length, recall10: round(hits / (queries.length * 10), 3) };
}

function readResult(name: string): Record<string, unknown> {
  const file = path.resolve(import.meta.dirname, 'results', `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

makeTestModels(['minilm']);
const server = await startModelServer();
let ingestResult: Awaited<ReturnType<typeof ingest>>;
let openResult: Awaited<ReturnType<typeof indexOpen>>;
let recall: Awaited<ReturnType<typeof realTextRecall>>;
try {
  const aside = await launchAside({ unaudited: true });
  try {
    const options = await openExtensionPage(aside, 'options.html');
    await options.evaluate('globalThis.__name = (fn) => fn');
    ingestResult = await ingest(aside, options, server.url);
    console.log('ingest', JSON.stringify(ingestResult));
    openResult = await indexOpen(aside, options);
    console.log('index open', JSON.stringify(openResult));
  } finally {
    await aside.close();
  }
  recall = await realTextRecall(server.url);
  console.log('real text', JSON.stringify(recall));
} finally {
  await server.close();
}

const embed = readResult('embed');
const query = readResult('rag-query');
const pick = (source: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
report(
  'rag',
  {
    ...pick(embed, ['embedChunksPerSecBrowser', 'embedChunksPerSecNative', 'embedRatioVsNative']),
    ...pick(query, [
      'queryP50Ms10k',
      'queryP50Ms100k',
      'queryP95Ms100k',
      'queryP50Ms1M',
      'recall10Clustered100k',
      'recall10Random100k',
      'vectorBytesPerChunk',
    ]),
    recall10RealText: recall.recall10,
    indexOpenMs100k: openResult.medianMs,
    ingestPagesPerMin: ingestResult.pagesPerMin,
  },
  { ingest: ingestResult, indexOpen: openResult, realText: recall },
);
