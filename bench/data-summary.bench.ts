/**
 * The options page's "Your data" table on a large library, in Node
 * (fake-indexeddb): `npx tsx bench/data-summary.bench.ts`. Seeds 1,000 pages
 * (~11 chunks each, a 384-d vector per chunk, as bench/library-seed.ts does
 * in the extension) and 200 chats of 10 messages, then times
 * summarizeStoredData (everything the table shows: its first count) and
 * countStoredData (what it counts again after a change to the library, at
 * most twice a second, while the options page is open; the images are counted
 * again only when messages change). Last line: `{"summaryMs1000",
 * "recountMs1000"}` (medians of 7 runs).
 * Fake-indexeddb is slower than a browser's IndexedDB, so the figure is for
 * comparing versions of the summary, not an absolute cost in Chrome.
 */
import 'fake-indexeddb/auto';
import os from 'node:os';
import { countStoredData, summarizeStoredData } from '../lib/data/data-summary';
import { db } from '../lib/db/database';
import { corpusText } from './library-bench-browser';
import { seedLibrary } from './library-seed';
import { median, report, round } from './stats';

const pages = Number(process.env.BENCH_PAGES ?? 1000);
const runs = 7;

const seeding = performance.now();
const seeded = await seedLibrary({ ...corpusText(), pages, modelId: 'bench-minilm', dims: 384, prefix: 'a', seed: 1 });
const now = Date.now();
for (let c = 0; c < 200; c++) {
  const conversationId = `c${c}`;
  await db().conversations.put({ id: conversationId, title: `Chat ${c}`, createdAt: now, updatedAt: now });
  await db().messages.bulkPut(
    Array.from({ length: 10 }, (_, m) => ({
      id: `${conversationId}-${m}`,
      conversationId,
      role: m % 2 ? ('assistant' as const) : ('user' as const),
      content: 'An answer of a few sentences. '.repeat(20),
      status: 'complete' as const,
      createdAt: now + m,
    })),
  );
}
console.log(`seeded ${seeded.pages} pages, ${seeded.chunks} chunks in ${round(performance.now() - seeding, 0)} ms`);

async function time(run: () => Promise<unknown>): Promise<{ times: number[]; result: unknown }> {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  return { times, result };
}
const summary = await time(summarizeStoredData);
const recount = await time(countStoredData);
const load = os
  .loadavg()
  .map((v) => v.toFixed(2))
  .join(' ');
console.log(`[load ${load}] ${JSON.stringify(summary.result)}`);
report(
  'data-summary',
  { summaryMs1000: round(median(summary.times)), recountMs1000: round(median(recount.times)) },
  {
    pages: seeded.pages,
    chunks: seeded.chunks,
    summaryRuns: summary.times.map((t) => round(t)),
    recountRuns: recount.times.map((t) => round(t)),
    load,
  },
);
