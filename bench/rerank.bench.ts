/**
 * In-browser reranking cost: one library question and its 30 candidates
 * (chunks of ~200 tokens of real article text) scored by a cross-encoder with
 * MiniLM-L6's shape (`aside-test/minilm-reranker`: random weights, int8, a
 * classifier head; what ms-marco-MiniLM-L-6-v2 costs), through the real path:
 * the built extension in headless Chromium, background → `offscreen.rerank` →
 * the embedder's worker → Transformers.js → ONNX Runtime WebAssembly. The same
 * engine in Node (onnxruntime-node, the browser's thread count) is the ceiling.
 * The default model, bge-reranker-base, is XLM-RoBERTa base (12 layers of
 * 768): roughly 8× MiniLM-L6's arithmetic, so expect several times these figures.
 * Not part of `npm run bench`. Usage: `npx wxt build && npx tsx bench/rerank.bench.ts`.
 */
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { RerankEngine } from '../lib/rag/rerank-engine';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { launchAside } from '../tests/e2e/support/extension';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';
import { corpusChunks } from './embed-chunks';
import { median, report, round } from './stats';

const CANDIDATES = 30;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const modelId = TEST_MODELS.minilmReranker;
const question = 'How does Emscripten emit standalone Wasm files without the JS runtime?';

interface ServiceWorkerGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    offscreen: { createDocument(options: object): Promise<void>; hasDocument(): Promise<boolean> };
  };
}

async function main() {
  const started = performance.now();
  makeTestModels(['minilmReranker']);
  console.log(`model ready in ${Math.round(performance.now() - started)} ms`);
  const server = await startModelServer();
  env.remoteHost = server.url;
  env.allowLocalModels = false;
  env.cacheDir = path.join(os.tmpdir(), `aside-bench-rerank-${process.pid}`);
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const passages = corpusChunks(CANDIDATES, (text) => tokenizer.encode(text).length);
  const tokens = passages.map((p) => tokenizer(question, { text_pair: p }).input_ids.dims[1] ?? 0);
  console.log(`${passages.length} pairs, median ${median(tokens)} tokens a pair (max ${Math.max(...tokens)})`);
  const aside = await launchAside({ unaudited: true });
  try {
    await writeSetting(aside, 'embeddingSettings', {
      modelId: TEST_MODELS.tiny,
      host: 'mirror',
      mirrorUrl: server.url,
    });
    // The background's own request, sent from the service worker as the background sends it.
    const rerankInBrowser = () =>
      aside.serviceWorker.evaluate(
        async ({ modelId, remoteHost, question, passages }) => {
          const { chrome } = globalThis as unknown as ServiceWorkerGlobal;
          if (!(await chrome.offscreen.hasDocument())) {
            await chrome.offscreen.createDocument({
              url: 'offscreen.html',
              reasons: ['WORKERS'],
              justification: 'bench',
            });
          }
          const at = performance.now();
          const reply = (await chrome.runtime.sendMessage({
            aside: 1,
            type: 'offscreen.rerank',
            payload: { config: { modelId, remoteHost, dtype: 'q8' }, query: question, passages },
          })) as { ok: boolean; error?: unknown };
          if (!reply.ok) throw new Error(JSON.stringify(reply.error));
          return performance.now() - at;
        },
        { modelId, remoteHost: server.url, question, passages },
      );
    const firstMs = await rerankInBrowser();
    const engine = new RerankEngine();
    const config = { modelId, remoteHost: server.url, dtype: 'q8', threads: 2 } as const;
    await engine.score(config, question, passages.slice(0, 2));
    const browserMs: number[] = [];
    const nativeMs: number[] = [];
    // Alternating, so a burst of outside load on the shared cores does not favour one side.
    for (let r = 0; r < ROUNDS; r++) {
      browserMs.push(await rerankInBrowser());
      const at = performance.now();
      await engine.score(config, question, passages);
      nativeMs.push(performance.now() - at);
      console.log(
        `round ${r + 1}: browser ${Math.round(browserMs.at(-1)!)} ms, native ${Math.round(nativeMs.at(-1)!)} ms`,
      );
    }
    report(
      'rerank',
      {
        rerank30MsBrowser: round(median(browserMs)),
        rerank30MsNative: round(median(nativeMs)),
        rerankFirstCallMsBrowser: round(firstMs),
      },
      { model: modelId, pairs: passages.length, medianPairTokens: median(tokens), rounds: ROUNDS, load: os.loadavg() },
    );
  } finally {
    await aside.close();
    await server.close();
  }
}

await main();
