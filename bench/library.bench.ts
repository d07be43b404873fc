/**
 * The library at real size, in the real extension in headless Chromium:
 * - askToRequestMs10k / askToRequestMs100k / askToRequestP95Ms100k: Enter in
 *   _My library_ → first byte of the request at the local provider (query
 *   embedding with the MiniLM-shaped test model in the offscreen document,
 *   BM25F + int8 vector scan, fusion, MMR, gate, chunk reads from IndexedDB,
 *   prompt), median (and p95) over 50 questions of the library dev set, with
 *   ~10k and ~100k chunks saved; the index is opened before timing (the first
 *   question after a service worker start is reported apart as coldAskMs*, for
 *   a library opened once before: its keyword index snapshot saved, see openedOnce);
 * - fusionAskToRequestMs100k: the same at ~100k chunks with RAG-Fusion on and
 *   a test model that returns three rewrites at once: Enter → first byte of
 *   the answer's request (after the rewrite request, four query embeddings
 *   and four hybrid searches fused);
 * - saveMsAt10 / saveMsAt1000: Save this page clicked in the panel's Library
 *   tab → the outcome shown, median over 11 real corpus pages, with 10 and
 *   with 1,000 pages already saved (keyword-only, the default); also click →
 *   the page counted as indexed (savedToIndexedMsAt*); with BENCH_OPTIONS_OPEN=1
 *   the options page is open in a tab during the 1,000-page saves;
 * - remoteEmbedChunksPerSec: bench/remote-embed.bench.ts, run here too.
 * Library contents: "real schema with the real code", not the real ingest
 * path: synthetic pages of real corpus paragraphs, written inside the
 * extension in batches of ~4,096 chunks (library-seed.ts: recordFields,
 * chunkMarkdown, addChunks or indexPages, done ingest jobs); stored vectors
 * are seeded random (see there). The 1,000-page library has pages of ~11
 * chunks; the 100k-chunk library long pages of ~88 chunks (40 sections, like
 * long PDFs), so that it is ~1,150 page records rather than ~9,000 (a
 * question's cost is per chunk; writing a page record's search terms is much
 * of the seeding's time).
 * The machine's load average is printed with every figure (details.load).
 */

import os from 'node:os';
import type { Page } from 'playwright-core';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { openExtensionPage } from '../tests/e2e/support/extension';
import { stopServiceWorker } from '../tests/e2e/support/service-worker';
import { type Session, startSession } from '../tests/e2e/support/session';
import { answerable } from '../tests/support/library-dev-set';
import { startModelServer } from '../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../tests/support/test-models/make-test-models';
import { corpusText, loadSeeder, request, seed, timeAsk, timeSave } from './library-bench-browser';
import { measureRemoteEmbed } from './remote-embed.bench';
import { median, percentile, report, round } from './stats';

/**
 * What the benchmark runs. RAG-Fusion and a remote embedding profile are
 * switched on here once they exist (keys fusionAskToRequestMs100k and
 * remoteEmbedChunksPerSec): each adds a step after the 100k questions.
 */
export interface LibraryBenchOptions {
  readonly savesPerSize: number;
  /** The library size of saveMsAt1000. */
  readonly largeLibraryPages: number;
  readonly smallChunks: number;
  readonly largeChunks: number;
  readonly questions: number;
  /** Questions asked, untimed, after each service worker start (the first opens the index). */
  readonly warmup: number;
  /** Ask the 100k questions again with RAG-Fusion on. */
  readonly fusion: boolean;
  /** Measure remoteEmbedChunksPerSec (bench/remote-embed.bench.ts) too. */
  readonly remoteEmbeddings: boolean;
  /** Sections per page of the ask libraries (four paragraphs each). */
  readonly askPageSections: number;
  /** BENCH_OPTIONS_OPEN=1: the options page (and its "Your data" table) is open in a tab during the 1,000-page saves. */
  readonly optionsPageOpen: boolean;
}

const options: LibraryBenchOptions = {
  savesPerSize: Number(process.env.BENCH_SAVES ?? 11),
  largeLibraryPages: Number(process.env.BENCH_LARGE_PAGES ?? 1000),
  smallChunks: 10_000,
  largeChunks: Number(process.env.BENCH_LARGE_CHUNKS ?? 100_000),
  questions: Number(process.env.BENCH_QUESTIONS ?? 50),
  warmup: 3,
  fusion: process.env.BENCH_FUSION !== '0',
  remoteEmbeddings: process.env.BENCH_REMOTE !== '0',
  askPageSections: 40,
  optionsPageOpen: process.env.BENCH_OPTIONS_OPEN === '1',
};

/** The load average when a figure was taken: the machine is shared, so every figure carries it. */
const load: Record<string, string> = {};
function noteLoad(label: string): void {
  load[label] = os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
  console.log(`[load ${load[label]}] ${label}`);
}

const modelId = TEST_MODELS.minilm;
const dims = 384;
const corpus = corpusText();
/** Corpus pages saved through the panel, 11 at each library size. */
const savedPages = ['wikipedia', 'qq', 'v8-blog', 'mozilla-1', 'ars-1', 'lwn-1', 'medium-1', 'nytimes-1', 'bbc-1'];
const morePages = ['cnn', 'aclu', 'blogger', 'breitbart', 'buzzfeed-1', 'ehow-1', 'engadget', 'guardian-1', 'heise'];
const morePages2 = ['herald-sun-1', 'hukumusume', 'iab-1', 'ietf-1', 'lemonde-1'];
const corpusPages = [...savedPages, ...morePages, ...morePages2];
/** Every third answerable question of the dev set: English and Chinese. */
const questions = answerable.filter((_, i) => i % 3 === 0).map((q) => q.question);

/**
 * The extension page the seeder runs in (and sends background requests
 * from); both pages get tsx's `__name` helper, which they lack. A second side
 * panel page, in a tab: the options page would run its stored-data summary (a
 * live query that reads every page, chunk and vector block on each change)
 * after every save, and the first run of this benchmark measured that (saves
 * of ~4.7 s at 1,000 pages), not a save.
 */
async function prepare(s: Session) {
  const seeder = await openExtensionPage(s.aside, 'sidepanel.html');
  for (const page of [seeder, s.panel]) await page.evaluate('globalThis.__name = (fn) => fn');
  return seeder;
}

async function saves(): Promise<Record<string, number | number[]>> {
  const s = await startSession({ unaudited: true });
  try {
    const seeder = await prepare(s);
    await loadSeeder(seeder);
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    let saved = 0;
    const measure = async (names: readonly string[]) => {
      const times = { save: [] as number[], indexed: [] as number[] };
      for (const name of names) {
        await s.show(s.pages.corpusUrl(name));
        const library = await libraryPages(seeder);
        const t = await timeSave(s.panel, library + 1);
        times.save.push(t.saveMs);
        times.indexed.push(t.indexedMs);
        saved++;
      }
      return times;
    };
    const at10 = await seed(seeder, { ...corpus, pages: 10, modelId: null, dims, prefix: 'a', seed: 1 });
    const small = await measure(corpusPages.slice(0, options.savesPerSize));
    noteLoad('saveMsAt10');
    console.log(`saves with ${at10.pages} pages: ${JSON.stringify(small)}`);
    const seeding = Date.now();
    const at1000 = await seed(seeder, {
      ...corpus,
      pages: options.largeLibraryPages - at10.pages - saved,
      modelId: null,
      dims,
      prefix: 'b',
      seed: 2,
    });
    console.log(`seeded ${at1000.pages} pages (${at1000.chunks} chunks) in ${Date.now() - seeding} ms`);
    await waitForIdleIngest(seeder);
    if (options.optionsPageOpen) {
      const settings = await openExtensionPage(s.aside, 'options.html');
      await settings.getByTestId('stored-data').getByText('Saved pages').waitFor();
    }
    const large = await measure(corpusPages.slice(options.savesPerSize, 2 * options.savesPerSize));
    noteLoad('saveMsAt1000');
    console.log(`saves with ${options.largeLibraryPages} pages: ${JSON.stringify(large)}`);
    return {
      saveMsAt10: round(median(small.save)),
      saveMsAt1000: round(median(large.save)),
      savedToIndexedMsAt10: round(median(small.indexed)),
      savedToIndexedMsAt1000: round(median(large.indexed)),
      savesAt10: small.save.map((v) => round(v)),
      savesAt1000: large.save.map((v) => round(v)),
    };
  } finally {
    await s.close();
  }
}

/** Pages in the library, counted from the extension page. */
function libraryPages(page: Awaited<ReturnType<typeof openExtensionPage>>): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('pages').objectStore('pages').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/** Waits until no ingest job is queued or running (the background caught up with the seeding). */
async function waitForIdleIngest(page: Awaited<ReturnType<typeof openExtensionPage>>): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('aside');
        open.onsuccess = () => {
          const index = open.result.transaction('ingestJobs').objectStore('ingestJobs').index('state');
          const queued = index.count(IDBKeyRange.only('queued'));
          const running = index.count(IDBKeyRange.only('indexing'));
          running.onsuccess = () => {
            open.result.close();
            resolve(queued.result + running.result === 0);
          };
        };
      }),
    undefined,
    { timeout: 300_000, polling: 500 },
  );
}

/** RAG-Fusion's rewrites, as a test model returning them at once would: three wordings of the question. */
const rewritesOf = (question: string) => [
  question.replace(/[?？]$/, ''),
  `${question} (details)`,
  `About: ${question}`,
];

/**
 * The library as it is once it has been searched: its keyword index opened in
 * the background and saved whole (lib/rag/lexical-snapshot.ts), which the next
 * service worker opens from. (A library never searched since its pages were
 * written builds that index from every row once, as every open did before.)
 */
async function openedOnce(seeder: Page): Promise<void> {
  await request(seeder, 'library.open', {});
  await seeder.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('aside');
        open.onsuccess = () => {
          const tx = open.result.transaction(['ragLexicalSnapshot', 'ragLexicalDirty']);
          const saved = tx.objectStore('ragLexicalSnapshot').count();
          const dirty = tx.objectStore('ragLexicalDirty').count();
          dirty.onsuccess = () => {
            open.result.close();
            resolve(saved.result === 1 && dirty.result === 0);
          };
        };
      }),
    undefined,
    { timeout: 300_000, polling: 500 },
  );
}

async function askRound(s: Session, seeder: Page, label: string, fusion = false) {
  await openedOnce(seeder);
  await stopServiceWorker(s.aside);
  const cold: number[] = [];
  for (let i = 0; i < options.warmup; i++) {
    const question = questions[i % questions.length] as string;
    const ms = await timeAsk(
      s.panel,
      s.llm,
      question,
      `Warm-up ${label} ${i}.`,
      fusion ? rewritesOf(question) : undefined,
    );
    if (ms !== null) cold.push(ms);
  }
  const times: number[] = [];
  let notFound = 0;
  for (let i = 0; i < options.questions; i++) {
    const question = questions[i % questions.length] as string;
    const ms = await timeAsk(
      s.panel,
      s.llm,
      question,
      `Answer ${label} ${i}.`,
      fusion ? rewritesOf(question) : undefined,
    );
    if (ms === null) notFound++;
    else times.push(ms);
  }
  console.log(
    `[load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(
        ' ',
      )}] ${label}: median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms, first after restart ${round(cold[0] ?? Number.NaN)} ms, not found ${notFound}`,
  );
  return { times: times.map((v) => round(v)), cold: cold.map((v) => round(v)), notFound };
}

async function asks(): Promise<Record<string, number | unknown>> {
  makeTestModels(['minilm']);
  const server = await startModelServer();
  const s = await startSession({ unaudited: true });
  try {
    const seeder = await prepare(s);
    await writeSetting(s.aside, 'embeddingSettings', { modelId, host: 'mirror', mirrorUrl: server.url });
    await request(seeder, 'embedder.prepare', {});
    await request(seeder, 'ingest.control', { action: 'pause' });
    await loadSeeder(seeder);
    const seeding = Date.now();
    const small = await seed(seeder, {
      ...corpus,
      chunks: options.smallChunks,
      modelId,
      dims,
      prefix: 'c',
      seed: 3,
      sections: options.askPageSections,
    });
    console.log(`seeded ${small.pages} pages, ${small.chunks} chunks in ${Date.now() - seeding} ms`);
    await writeSetting(s.aside, 'indexedModel', modelId);
    await request(seeder, 'ingest.control', { action: 'resume' });
    await waitForIdleIngest(seeder);
    const at10k = await askRound(s, seeder, `${small.chunks} chunks`);
    noteLoad('askToRequestMs10k');
    await request(seeder, 'ingest.control', { action: 'pause' });
    const seedingMore = Date.now();
    const large = await seed(seeder, {
      ...corpus,
      chunks: options.largeChunks - small.chunks,
      modelId,
      dims,
      prefix: 'd',
      seed: 4,
      sections: options.askPageSections,
    });
    const total = small.chunks + large.chunks;
    console.log(`seeded ${large.pages} more pages: ${total} chunks in ${Date.now() - seedingMore} ms`);
    await request(seeder, 'ingest.control', { action: 'resume' });
    await waitForIdleIngest(seeder);
    const at100k = await askRound(s, seeder, `${total} chunks`);
    noteLoad('askToRequestMs100k');
    let fused: Awaited<ReturnType<typeof askRound>> | null = null;
    if (options.fusion) {
      await writeSetting(s.aside, 'ragFusion', { mode: 'on' });
      fused = await askRound(s, seeder, `${total} chunks, RAG-Fusion on`, true);
      noteLoad('fusionAskToRequestMs100k');
    }
    return {
      fusionAskToRequestMs100k: fused ? round(median(fused.times)) : Number.NaN,
      fusionAskToRequestP95Ms100k: fused ? round(percentile(fused.times, 95)) : Number.NaN,
      askToRequestMs10k: round(median(at10k.times)),
      askToRequestMs100k: round(median(at100k.times)),
      askToRequestP95Ms100k: round(percentile(at100k.times, 95)),
      coldAskMs10k: at10k.cold[0] ?? Number.NaN,
      coldAskMs100k: at100k.cold[0] ?? Number.NaN,
      details: {
        pages10k: small.pages,
        chunks10k: small.chunks,
        pages100k: small.pages + large.pages,
        chunks100k: total,
        at10k,
        at100k,
        fused,
      },
    };
  } finally {
    await s.close();
    await server.close();
  }
}

/** BENCH_ONLY=saves,asks,remote runs some parts (the others' keys are NaN). */
const parts = new Set((process.env.BENCH_ONLY ?? 'saves,asks,remote').split(','));
const started = Date.now();
const saveFigures = parts.has('saves') ? await saves() : {};
const askFigures = parts.has('asks') ? await asks() : { details: {} };
const remote = options.remoteEmbeddings && parts.has('remote') ? await measureRemoteEmbed() : null;
if (remote) noteLoad('remoteEmbedChunksPerSec');
const { details: askDetails, ...askHeadline } = askFigures;
const headline = {
  askToRequestMs10k: askHeadline.askToRequestMs10k as number,
  askToRequestMs100k: askHeadline.askToRequestMs100k as number,
  askToRequestP95Ms100k: askHeadline.askToRequestP95Ms100k as number,
  fusionAskToRequestMs100k: askHeadline.fusionAskToRequestMs100k as number,
  saveMsAt10: saveFigures.saveMsAt10 as number,
  saveMsAt1000: saveFigures.saveMsAt1000 as number,
  saveRatio1000To10: round((saveFigures.saveMsAt1000 as number) / (saveFigures.saveMsAt10 as number)),
  savedToIndexedMsAt10: saveFigures.savedToIndexedMsAt10 as number,
  savedToIndexedMsAt1000: saveFigures.savedToIndexedMsAt1000 as number,
  coldAskMs10k: askHeadline.coldAskMs10k as number,
  coldAskMs100k: askHeadline.coldAskMs100k as number,
  remoteEmbedChunksPerSec: remote?.remoteEmbedChunksPerSec ?? Number.NaN,
};
report('library', headline, {
  options,
  load,
  runMs: Date.now() - started,
  saves: saveFigures,
  asks: { ...(askDetails as object), fusionAskToRequestP95Ms100k: askHeadline.fusionAskToRequestP95Ms100k },
  remote,
});
