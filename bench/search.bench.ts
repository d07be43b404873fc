/**
 * A web question in the real extension, from Enter in the side panel to the
 * request that reaches the provider, against a local SearXNG-format engine
 * whose five result pages answer with realistic latencies (100–800 ms):
 * - searchAnswerMs: Enter → the provider receives the numbered excerpts
 *   (search, reading the pages, Readability, ranking);
 * - readPagesParallelMs: the engine's answer → the last result page answered,
 *   as Aside reads them (in parallel); goal: at most the slowest page + 100 ms;
 * - readPagesSequentialMs: the same five pages fetched one after another by
 *   the service worker, for the ratio `parallelSpeedup`.
 * Medians of BENCH_RUNS runs (default 5). Run: npx tsx bench/search.bench.ts (after `npx wxt build`).
 */

import { writeSetting } from '../tests/e2e/support/aside-db';
import { newChat, startSession } from '../tests/e2e/support/session';
import { text } from '../tests/support/openai-server';
import { articles } from '../tests/support/search-fixtures/articles';
import { startSearchEngineServer } from '../tests/support/search-fixtures/search-engine-server';
import { median, report, round } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Each result page's latency, slowest 800 ms. */
const latencies = [100, 250, 400, 600, 800];
const now = () => performance.timeOrigin + performance.now();

async function main() {
  // No egress proxy in the path: the figures are the browser's own.
  const s = await startSession({ unaudited: true });
  const engine = await startSearchEngineServer();
  try {
    const slugs = articles.slice(0, latencies.length).map((a) => a.slug);
    engine.setPageDelays(Object.fromEntries(slugs.map((slug, i) => [slug, latencies[i] ?? 0])));
    await writeSetting(s.aside, 'webSearch', {
      engine: 'searxng',
      endpoints: { searxng: engine.endpoint('searxng') },
      pagesToRead: latencies.length,
      readBudgetSeconds: 10,
    });
    await writeSetting(s.aside, 'consentGrants', { [`web-search ${engine.origin}`]: true });
    await s.panel.reload();
    await s.panel.getByText('Web', { exact: true }).click();

    const answers: number[] = [];
    const parallel: number[] = [];
    const sequential: number[] = [];
    const chats = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions');
    for (let run = 0; run < runs; run++) {
      await newChat(s.panel);
      const box = s.panel.getByRole('textbox').last();
      await box.fill('When did the Loxley Bridge open?');
      const before = chats().length;
      const seen = engine.requests.length;
      s.llm.enqueue(text('It opened on 14 May 1932 [1].'));
      const started = now();
      await box.press('Enter');
      while (chats().length === before) await new Promise((resolve) => setTimeout(resolve, 5));
      answers.push((chats()[before]?.receivedAt ?? Number.NaN) - started);
      const records = engine.requests.slice(seen);
      const searched = records.find((r) => r.target === 'searxng')?.answeredAt ?? Number.NaN;
      const pages = records.filter((r) => r.target.startsWith('page:'));
      if (pages.length !== latencies.length) throw new Error(`Read ${pages.length} pages, not ${latencies.length}`);
      parallel.push(Math.max(...pages.map((r) => r.answeredAt ?? Number.NaN)) - searched);
      // The answer ends before the next run starts.
      const answer = s.panel.getByTestId('assistant-message').last();
      while ((await answer.getAttribute('data-status')) === 'streaming') await s.panel.waitForTimeout(10);

      // The same pages one after another, from the same service worker.
      const urls = slugs.map((slug) => engine.pageUrl(slug));
      sequential.push(
        await s.aside.serviceWorker.evaluate(async (list) => {
          const t0 = performance.now();
          for (const url of list) await (await fetch(url, { credentials: 'omit' })).text();
          return performance.now() - t0;
        }, urls),
      );
    }
    const readPagesParallelMs = median(parallel);
    const readPagesSequentialMs = median(sequential);
    report(
      'search',
      {
        searchAnswerMs: round(median(answers)),
        readPagesParallelMs: round(readPagesParallelMs),
        readPagesSequentialMs: round(readPagesSequentialMs),
        parallelSpeedup: round(readPagesSequentialMs / readPagesParallelMs),
      },
      { runs, latencies, slowestPageMs: Math.max(...latencies), answers, parallel, sequential },
    );
  } finally {
    await s.close();
    await engine.close();
  }
}

await main();
