/**
 * Remote embedding throughput: `remoteEmbedChunksPerSec`, chunks of ~200
 * tokens of real article text embedded by the built extension through an
 * embeddings server (background `embedder.embed` → the `openai` SDK →
 * `/v1/embeddings`), against the local test server (tests/support/embedding-server.ts)
 * answering each request after a fixed 20 ms, 384-d vectors. Batches of 16
 * (what the indexer sends per call, lib/rag/page-indexer.ts; the client's own
 * batch is 32), median of BENCH_ROUNDS (3) runs of BENCH_CHUNKS (256) chunks.
 * It measures Aside's own cost around a fast server (request building, JSON,
 * normalizing, messaging), not a real model's speed.
 *
 * Run alone: `npx wxt build && npx tsx bench/remote-embed.bench.ts`.
 */
import path from 'node:path';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startEmbeddingServer } from '../tests/support/embedding-server';
import { corpusChunks } from './embed-chunks';
import { median, report, round } from './stats';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 256);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 16;
const LATENCY_MS = 20;

/** Rough token count: hanzi one each, English words about 1.4 (WordPiece). */
const tokens = (text: string) =>
  /[\u4e00-\u9fff]/.test(text) ? text.length : Math.round(text.split(' ').length * 1.4);

export interface RemoteEmbedFigures {
  readonly remoteEmbedChunksPerSec: number;
  readonly rounds: readonly number[];
  readonly chunks: number;
  readonly batch: number;
  readonly latencyMs: number;
  readonly requests: number;
}

/** Measures `remoteEmbedChunksPerSec` in a fresh extension against a fresh test server; closes both. */
export async function measureRemoteEmbed(
  chunks = CHUNKS,
  rounds = ROUNDS,
  latencyMs = LATENCY_MS,
): Promise<RemoteEmbedFigures> {
  const server = await startEmbeddingServer({ dims: 384, latencyMs });
  const aside = await launchAside({ unaudited: true });
  try {
    const texts = corpusChunks(chunks, tokens);
    await writeSetting(aside, 'embeddingSettings', {
      modelId: 'Xenova/multilingual-e5-small',
      host: 'hub',
      mirrorUrl: '',
      runOn: 'server',
      server: { preset: 'custom', baseURL: server.url, model: 'bench-embed' },
    });
    const page = await openExtensionPage(aside, 'options.html');
    await page.evaluate('globalThis.__name = (fn) => fn');
    const timeOne = () =>
      page.evaluate(
        async ({ texts, batch }) => {
          const { chrome } = globalThis as unknown as ExtensionGlobal;
          const started = performance.now();
          const reply = (await chrome.runtime.sendMessage({
            aside: 1,
            type: 'embedder.embed',
            payload: { texts, kind: 'passage', batchSize: batch },
          })) as { ok: boolean; error?: unknown };
          if (!reply.ok) throw new Error(JSON.stringify(reply.error));
          return performance.now() - started;
        },
        { texts, batch: BATCH },
      );
    await timeOne(); // warm-up: SDK, connection, vector index opened
    const before = server.requests.length;
    const perSec: number[] = [];
    for (let round = 0; round < rounds; round++) perSec.push((texts.length / (await timeOne())) * 1000);
    return {
      remoteEmbedChunksPerSec: round(median(perSec), 1),
      rounds: perSec.map((v) => round(v, 1)),
      chunks: texts.length,
      batch: BATCH,
      latencyMs,
      requests: server.requests.length - before,
    };
  } finally {
    await aside.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const figures = await measureRemoteEmbed();
  const ceiling = (figures.batch / figures.latencyMs) * 1000;
  console.log(
    `remote embed: ${figures.remoteEmbedChunksPerSec} chunks/s (rounds ${figures.rounds.join(', ')}), ` +
      `${figures.chunks} chunks in batches of ${figures.batch}, ${figures.latencyMs} ms per batch at the server ` +
      `(ceiling ${ceiling} chunks/s one batch at a time)`,
  );
  report('remote-embed', { remoteEmbedChunksPerSec: figures.remoteEmbedChunksPerSec }, { ...figures });
}
