/**
 * Embedding throughput with the MiniLM-L6-shaped test model (int8, dynamic
 * quantization), 256 chunks of ~200 tokens of real article text:
 * - browser: the built extension in headless Chromium, through the real path
 *   (background `embedder.embed` → offscreen document → Transformers.js → ORT WASM);
 * - native: the same engine code in Node on onnxruntime-node, same model, same
 *   thread count as the browser used, measured in the same run (the ceiling).
 * Batch sizes 1 / 8 / 32, browser and native alternating, best of BENCH_ROUNDS
 * (2) rounds each; headline figures use each side's best batch size.
 * - webgpu (software): the extension on WebGPU in Chromium with SwiftShader,
 *   Chromium's CPU implementation of a GPU (fp32 weights, the WebGPU path's),
 *   BENCH_WEBGPU_CHUNKS (32) chunks in batches of 8. It shows the WebGPU path
 *   runs and what it costs without a GPU; it says nothing about GPU speed.
 */
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { EmbedEngine } from '../lib/rag/embed-engine';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';
import { corpusChunks } from './embed-chunks';
import { median, report, round } from './stats';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 256);
const batchSizes = [1, 8, 32];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const modelId = TEST_MODELS.minilm;
const WEBGPU_CHUNKS = Number(process.env.BENCH_WEBGPU_CHUNKS ?? 32);

type Timings = Record<number, number>;

/** The extension with the model loaded; `embed` times one call of all chunks through the real request path. */
async function openBrowser(hostUrl: string, webgpu?: 'swiftshader') {
  const aside = await launchAside({ unaudited: true, ...(webgpu ? { webgpu } : {}) });
  const page = await openExtensionPage(aside, 'options.html');
  await page.evaluate('globalThis.__name = (fn) => fn');
  await writeSetting(aside, 'embeddingSettings', { modelId, host: 'mirror', mirrorUrl: hostUrl });
  const setup = await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    const started = performance.now();
    const reply = (await chrome.runtime.sendMessage({ aside: 1, type: 'embedder.prepare', payload: {} })) as {
      ok: boolean;
      value?: { backend: string; threads?: number };
      error?: unknown;
    };
    return { reply, loadMs: performance.now() - started };
  });
  if (!setup.reply.ok) throw new Error(`embedder.prepare failed: ${JSON.stringify(setup.reply.error)}`);
  return {
    backend: setup.reply.value?.backend ?? '?',
    threads: setup.reply.value?.threads ?? 1,
    loadMs: setup.loadMs,
    embed: (chunks: string[], batchSize: number) =>
      page.evaluate(
        async ({ chunks, batchSize }) => {
          const { chrome } = globalThis as unknown as ExtensionGlobal;
          const started = performance.now();
          const reply = (await chrome.runtime.sendMessage({
            aside: 1,
            type: 'embedder.embed',
            payload: { texts: chunks, kind: 'passage', batchSize },
          })) as { ok: boolean; error?: unknown };
          if (!reply.ok) throw new Error(JSON.stringify(reply.error));
          return performance.now() - started;
        },
        { chunks, batchSize },
      ),
    close: () => aside.close(),
  };
}

/** The same engine code in Node on onnxruntime-node. */
async function openNative(hostUrl: string, chunks: string[], threads: number) {
  const engine = new EmbedEngine();
  const config = { modelId, remoteHost: hostUrl, dtype: 'q8', threads } as const;
  await engine.embed(config, chunks.slice(0, 4));
  return async (batchSize: number) => {
    const started = performance.now();
    await engine.embed(config, chunks, batchSize);
    return performance.now() - started;
  };
}

async function main() {
  makeTestModels(['minilm']);
  const server = await startModelServer();
  try {
    // Node side: only the local model server, and a fresh file cache (it is never revalidated).
    env.remoteHost = server.url;
    env.allowLocalModels = false;
    env.cacheDir = path.join(os.tmpdir(), `aside-bench-models-${process.pid}`);
    const tokenizer = await AutoTokenizer.from_pretrained(modelId);
    const chunks = corpusChunks(CHUNKS, (text) => tokenizer.encode(text).length);
    const tokens = chunks.map((c) => tokenizer.encode(c).length);
    console.log(
      `${chunks.length} chunks, median ${median(tokens)} tokens (min ${Math.min(...tokens)}, max ${Math.max(...tokens)})`,
    );
    const browser = await openBrowser(server.url);
    const browserPerSec: Timings = {};
    const nativePerSec: Timings = {};
    // Native gets the thread count the browser's embedder used (2 here: its page is cross-origin isolated).
    const threads = Number(process.env.BENCH_NATIVE_THREADS ?? browser.threads);
    try {
      const native = await openNative(server.url, chunks, threads);
      // The cores are shared with other work: browser and native alternate, and each keeps its best round,
      // so a burst of outside load cannot favour one side.
      for (let round = 0; round < ROUNDS; round++) {
        for (const batchSize of batchSizes) {
          const b = (chunks.length / (await browser.embed(chunks, batchSize))) * 1000;
          const n = (chunks.length / (await native(batchSize))) * 1000;
          browserPerSec[batchSize] = Math.max(browserPerSec[batchSize] ?? 0, b);
          nativePerSec[batchSize] = Math.max(nativePerSec[batchSize] ?? 0, n);
          console.log(`round ${round + 1} batch ${batchSize}: browser ${round2(b)}, native ${round2(n)} chunks/s`);
        }
      }
    } finally {
      await browser.close();
    }
    const software = await softwareWebgpu(server.url, chunks.slice(0, WEBGPU_CHUNKS));
    const best = (t: Timings) => Math.max(...Object.values(t));
    const embedChunksPerSecBrowser = round(best(browserPerSec));
    const embedChunksPerSecNative = round(best(nativePerSec));
    report(
      'embed',
      {
        embedChunksPerSecBrowser,
        embedChunksPerSecNative,
        embedRatioVsNative: round(embedChunksPerSecBrowser / embedChunksPerSecNative, 3),
        embedChunksPerSecWebgpuSoftware: round(software.perSec),
      },
      {
        model: `${modelId} (int8: DynamicQuantizeLinear + MatMulInteger)`,
        chunks: chunks.length,
        tokensMedian: median(tokens),
        rounds: ROUNDS,
        browserBackend: browser.backend,
        browserThreads: browser.threads,
        browserModelLoadMs: round(browser.loadMs, 0),
        nativeThreads: threads,
        browserChunksPerSecByBatch: mapRound(browserPerSec),
        nativeChunksPerSecByBatch: mapRound(nativePerSec),
        ratioByBatch: Object.fromEntries(batchSizes.map((b) => [b, round(browserPerSec[b]! / nativePerSec[b]!, 3)])),
        webgpuSoftware: `SwiftShader (software WebGPU on the CPU, not GPU speed): ${software.backend}, fp32, ${software.chunks} chunks, batch 8`,
        loadAverage: os.loadavg().map((l) => round(l)),
        cpus: os.cpus().length,
      },
    );
  } finally {
    await server.close();
  }
}

/** The WebGPU path on SwiftShader: chunks per second, best of BENCH_ROUNDS, after one warm-up call. */
async function softwareWebgpu(hostUrl: string, chunks: string[]) {
  const browser = await openBrowser(hostUrl, 'swiftshader');
  try {
    let perSec = 0;
    await browser.embed(chunks.slice(0, 8), 8);
    for (let round = 0; round < ROUNDS; round++) {
      perSec = Math.max(perSec, (chunks.length / (await browser.embed(chunks, 8))) * 1000);
      console.log(`round ${round + 1} webgpu on SwiftShader (software, not GPU speed): ${round2(perSec)} chunks/s`);
    }
    return { perSec, backend: browser.backend, chunks: chunks.length };
  } finally {
    await browser.close();
  }
}

const round2 = (v: number) => round(v);
const mapRound = (t: Timings) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v)]));

await main();
