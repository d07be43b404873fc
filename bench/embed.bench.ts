/**
 * Embedding throughput with the MiniLM-L6-shaped test model (int8, dynamic
 * quantization), 256 chunks of ~200 tokens of real article text:
 * - browser: the built extension in headless Chromium, through the real path
 *   (background `embedder.embed` → offscreen document → Transformers.js → ORT WASM);
 * - native: the same engine code in Node on onnxruntime-node, same model, same
 *   thread count as the browser used, measured in the same run (the ceiling).
 * Batch sizes 1 / 8 / 32; headline figures use each side's best batch size.
 */
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { EmbedEngine } from '../lib/rag/embed-engine';
import { launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';
import { corpusChunks } from './embed-chunks';
import { median, report, round } from './stats';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 256);
const batchSizes = [1, 8, 32];
const modelId = TEST_MODELS.minilm;

type Timings = Record<number, number>;

async function browserRun(hostUrl: string, chunks: string[]) {
  const aside = await launchAside({ unaudited: true });
  try {
    const page = await openExtensionPage(aside, 'options.html');
    await page.evaluate('globalThis.__name = (fn) => fn');
    const setup = await page.evaluate(
      async ({ hostUrl, modelId }) => {
        const { chrome } = globalThis as unknown as ExtensionGlobal & {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        };
        await chrome.storage.local.set({ embeddingSettings: { modelId, host: 'mirror', mirrorUrl: hostUrl } });
        const started = performance.now();
        const reply = (await chrome.runtime.sendMessage({ aside: 1, type: 'embedder.prepare', payload: {} })) as {
          ok: boolean;
          value?: { backend: string; threads?: number };
          error?: unknown;
        };
        return { reply, loadMs: performance.now() - started };
      },
      { hostUrl, modelId },
    );
    if (!setup.reply.ok) throw new Error(`embedder.prepare failed: ${JSON.stringify(setup.reply.error)}`);
    const perSec: Timings = {};
    for (const batchSize of batchSizes) {
      const ms = await page.evaluate(
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
      );
      perSec[batchSize] = (chunks.length / ms) * 1000;
      console.log(`browser batch ${batchSize}: ${round(perSec[batchSize])} chunks/s`);
    }
    return {
      perSec,
      backend: setup.reply.value?.backend ?? '?',
      threads: setup.reply.value?.threads ?? 1,
      loadMs: setup.loadMs,
    };
  } finally {
    await aside.close();
  }
}

async function nativeRun(hostUrl: string, chunks: string[], threads: number) {
  const engine = new EmbedEngine();
  const config = { modelId, remoteHost: hostUrl, dtype: 'q8', threads } as const;
  await engine.embed(config, chunks.slice(0, 4));
  const perSec: Timings = {};
  for (const batchSize of batchSizes) {
    const started = performance.now();
    await engine.embed(config, chunks, batchSize);
    perSec[batchSize] = (chunks.length / (performance.now() - started)) * 1000;
    console.log(`native batch ${batchSize}: ${round(perSec[batchSize])} chunks/s`);
  }
  return perSec;
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
    const browser = await browserRun(server.url, chunks);
    // Native gets the thread count the browser's embedder used (2 on this machine when its page is cross-origin isolated).
    const threads = Number(process.env.BENCH_NATIVE_THREADS ?? browser.threads);
    const native = await nativeRun(server.url, chunks, threads);
    const best = (t: Timings) => Math.max(...Object.values(t));
    const embedChunksPerSecBrowser = round(best(browser.perSec));
    const embedChunksPerSecNative = round(best(native));
    report(
      'embed',
      {
        embedChunksPerSecBrowser,
        embedChunksPerSecNative,
        embedRatioVsNative: round(embedChunksPerSecBrowser / embedChunksPerSecNative, 3),
      },
      {
        model: `${modelId} (int8: DynamicQuantizeLinear + MatMulInteger)`,
        chunks: chunks.length,
        tokensMedian: median(tokens),
        browserBackend: browser.backend,
        browserThreads: browser.threads,
        browserModelLoadMs: round(browser.loadMs, 0),
        nativeThreads: threads,
        browserChunksPerSecByBatch: mapRound(browser.perSec),
        nativeChunksPerSecByBatch: mapRound(native),
        ratioByBatch: Object.fromEntries(batchSizes.map((b) => [b, round(browser.perSec[b]! / native[b]!, 3)])),
        cpus: os.cpus().length,
      },
    );
  } finally {
    await server.close();
  }
}

const mapRound = (t: Timings) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v)]));

await main();
