/**
 * Side panel latency, in the real extension in headless Chromium:
 * - sendToRequestMs: Enter pressed in the panel → first byte of the request at
 *   the provider (page capture, storage writes and the SDK call included), on a
 *   page as previewed; also reported for a page changed since the preview;
 * - firstChunkToPaintMs: first SSE chunk leaving the provider → first token
 *   painted in the panel (port hops, React render, paint).
 * Baselines from the same run: the openai SDK in Node against the same server,
 * so the ratios show what the extension adds over the bare transport.
 */
import { createClient } from '../lib/llm/client';
import { streamCompletion } from '../lib/llm/stream-completion';
import { ask, newChat, startSession } from '../tests/e2e/support/session';
import { text } from '../tests/support/openai-server';
import { median, percentile, report, round } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 25);
const now = () => performance.timeOrigin + performance.now();

async function baseline(url: string, llm: Awaited<ReturnType<typeof startSession>>['llm']) {
  const client = createClient({ baseURL: url, apiKey: 'bench' });
  const send: number[] = [];
  const firstChunk: number[] = [];
  for (let i = 0; i < runs; i++) {
    llm.enqueue(text('Baseline answer token stream.'));
    const started = now();
    for await (const event of streamCompletion(
      client,
      { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] },
      new AbortController().signal,
    )) {
      if (event.type === 'delta') {
        const received = now();
        const request = llm.requests.at(-1);
        if (request?.receivedAt && request.firstChunkSentAt) {
          send.push(request.receivedAt - started);
          firstChunk.push(received - request.firstChunkSentAt);
        }
        break;
      }
    }
  }
  return { sendMs: median(send), firstChunkMs: median(firstChunk) };
}

async function main() {
  // No egress proxy in the path: the figures are the browser's own.
  const s = await startSession({ unaudited: true });
  try {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.panel.getByTestId('context-status').filter({ hasText: 'tokens' }).waitFor();
    // tsx (esbuild) wraps named functions in a `__name` helper that the page lacks.
    await s.panel.evaluate('globalThis.__name = (fn) => fn');
    const sendToRequest: number[] = [];
    const sendToRequestChanged: number[] = [];
    const chunkToPaint: number[] = [];
    // Even runs send about the page as previewed; odd runs change the page first,
    // so the content script must capture it again (its cache is forgotten).
    for (let i = 0; i < runs * 2; i++) {
      const changed = i % 2 === 1;
      if (changed) await s.tab.evaluate(`document.body.append(' ${i}')`);
      await newChat(s.panel);
      // Unique in the first chunk, so the observer never mistakes an earlier answer for this one.
      const marker = `R${i} `;
      s.llm.enqueue(text(`${marker}Benchmark answer continues with more tokens.`, { chunkSize: 16 }));
      // Timestamps in the panel: Enter's keydown, and the frame after the first token appears.
      await s.panel.evaluate((expected) => {
        const w = window as unknown as { __bench: { keydown?: number; painted?: number } };
        w.__bench = {};
        const stamp = () => performance.timeOrigin + performance.now();
        const onKeydown = (event: KeyboardEvent) => {
          if (event.key !== 'Enter') return;
          w.__bench.keydown = stamp();
          document.removeEventListener('keydown', onKeydown, { capture: true });
        };
        document.addEventListener('keydown', onKeydown, { capture: true });
        const observer = new MutationObserver(() => {
          const answers = document.querySelectorAll('[data-testid="assistant-message"] .markdown');
          const last = answers[answers.length - 1];
          if (last?.textContent?.startsWith(expected)) {
            observer.disconnect();
            requestAnimationFrame(() => {
              w.__bench.painted = stamp();
            });
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, marker);
      const before = s.llm.requests.length;
      await ask(s.panel, `Question ${i}`);
      await s.panel.waitForFunction(() => (window as unknown as { __bench: { painted?: number } }).__bench.painted);
      const times = await s.panel.evaluate(
        () => (window as unknown as { __bench: { keydown: number; painted: number } }).__bench,
      );
      const request = s.llm.requests.slice(before).find((r) => r.path.endsWith('/chat/completions'));
      if (!request?.firstChunkSentAt) throw new Error('the server saw no streamed request');
      (changed ? sendToRequestChanged : sendToRequest).push(request.receivedAt - times.keydown);
      chunkToPaint.push(times.painted - request.firstChunkSentAt);
      await s.panel.getByTestId('assistant-message').last().and(s.panel.locator('[data-status="complete"]')).waitFor();
    }
    const base = await baseline(s.llm.url, s.llm);
    const headline = {
      sendToRequestMs: round(median(sendToRequest)),
      firstChunkToPaintMs: round(median(chunkToPaint)),
    };
    console.log(`runs: ${runs} per case`);
    console.log(`send → request, page changed since preview: median ${round(median(sendToRequestChanged))} ms`);
    console.log(
      `send → request:     median ${headline.sendToRequestMs} ms, p90 ${round(percentile(sendToRequest, 90))} ms (bare SDK in Node: ${round(base.sendMs)} ms, ratio ${round(headline.sendToRequestMs / base.sendMs, 1)}×)`,
    );
    console.log(
      `first chunk → paint: median ${headline.firstChunkToPaintMs} ms, p90 ${round(percentile(chunkToPaint, 90))} ms (bare SDK in Node: ${round(base.firstChunkMs)} ms, ratio ${round(headline.firstChunkToPaintMs / base.firstChunkMs, 1)}×)`,
    );
    report('chat', headline, {
      runs,
      sendToRequestChangedPageMs: round(median(sendToRequestChanged)),
      sendToRequest,
      sendToRequestChanged,
      chunkToPaint,
      baseline: base,
    });
  } finally {
    await s.close();
  }
}

await main();
