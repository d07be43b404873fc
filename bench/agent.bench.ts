/**
 * Agent loop overhead per step: the time between a tool result being ready
 * and the next model request leaving, median over 50 steps.
 * - stepOverheadMs (headline): in the real extension. Measured at the provider:
 *   end of the tool-call answer → first byte of the next request, with a tool
 *   that takes no time (get_datetime), so the gap is the loop's own work: SSE
 *   end, parsing, consent check, step records and transcript written to
 *   IndexedDB, the port events, and the SDK building the next request.
 * - sdkGapMs: the same gap for the bare openai SDK in Node making requests
 *   back to back against the same server: the transport's share.
 * - nodeLoopMs: the loop in Node from its own probes (results ready → request
 *   handed to the SDK), without IndexedDB: the loop's code alone.
 */
import { z } from 'zod';
import { agentLoop } from '../lib/agent/agent-loop';
import { tool } from '../lib/agent/tool';
import { createClient } from '../lib/llm/client';
import { newUntrustedNonce } from '../lib/prompt/untrusted';
import { enableAgentMode, giveGoal } from '../tests/e2e/support/agent';
import { writeSetting } from '../tests/e2e/support/aside-db';
import { startSession } from '../tests/e2e/support/session';
import {
  type OpenAIServer,
  type RecordedRequest,
  startOpenAIServer,
  text,
  toolCalls,
} from '../tests/support/openai-server';
import { median, percentile, report, round } from './stats';

const steps = Number(process.env.BENCH_STEPS ?? 50);
const step = () => toolCalls([{ name: 'get_datetime', arguments: '{}' }]);
const chatRequests = (llm: OpenAIServer) => llm.requests.filter((r) => r.path === '/v1/chat/completions');

/** Gaps between one answer finishing and the next request arriving. */
function gaps(requests: readonly RecordedRequest[]): number[] {
  return requests.slice(1).flatMap((request, i) => {
    const finished = requests[i]?.finishedAt;
    return finished === undefined ? [] : [request.receivedAt - finished];
  });
}

async function sdkBaseline(): Promise<number[]> {
  const llm = await startOpenAIServer();
  try {
    const client = createClient({ baseURL: llm.url, apiKey: 'bench' });
    for (let i = 0; i <= steps; i++) {
      llm.enqueue(step());
      const stream = await client.chat.completions.create({
        model: 'test-model',
        messages: [{ role: 'user', content: `hi ${i}` }],
        stream: true,
      });
      for await (const _chunk of stream) {
        // drain
      }
    }
    return gaps(chatRequests(llm));
  } finally {
    await llm.close();
  }
}

async function nodeLoop(): Promise<{ probe: number[]; server: number[] }> {
  const llm = await startOpenAIServer();
  try {
    const datetime = tool({
      name: 'get_datetime',
      description: 'The time.',
      input: z.object({}),
      risk: 'read',
      run: async () => new Date().toISOString(),
    });
    llm.enqueue(...Array.from({ length: steps }, step), text('done'));
    const probe: number[] = [];
    let ready = 0;
    await agentLoop({
      client: createClient({ baseURL: llm.url, apiKey: 'bench' }),
      model: 'test-model',
      tools: [datetime],
      messages: [{ role: 'user', content: 'bench' }],
      context: {
        tabId: null,
        windowId: null,
        incognito: false,
        nonce: newUntrustedNonce(),
        signal: new AbortController().signal,
        ask: async () => '',
        runScript: async () => ({ kind: 'script', output: '', timedOut: true }),
      },
      maxSteps: steps + 5,
      maxConsecutiveFailures: 3,
      emit: () => {},
      hooks: {
        authorize: async () => true,
        onToolResultsReady: () => {
          ready = performance.now();
        },
        onRequestSent: () => {
          if (ready) probe.push(performance.now() - ready);
        },
      },
    });
    return { probe, server: gaps(chatRequests(llm)) };
  } finally {
    await llm.close();
  }
}

async function extension(): Promise<number[]> {
  // No egress proxy in the path: the figures are the browser's own.
  const s = await startSession({ unaudited: true });
  try {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await writeSetting(s.aside, 'agentSettings', { maxSteps: Math.min(steps + 5, 100), maxConsecutiveFailures: 4 });
    await enableAgentMode(s.panel);
    // One warm-up run so the worker, IndexedDB and the SDK are loaded, as in use.
    s.llm.enqueue(step(), text('warm'));
    await giveGoal(s.panel, 'warm up');
    await s.panel.getByTestId('agent-final').filter({ hasText: 'warm' }).waitFor();
    const before = chatRequests(s.llm).length;
    s.llm.enqueue(...Array.from({ length: steps }, step), text('bench done'));
    await giveGoal(s.panel, 'bench');
    await s.panel.getByTestId('agent-final').filter({ hasText: 'bench done' }).waitFor({ timeout: 120_000 });
    return gaps(chatRequests(s.llm).slice(before));
  } finally {
    await s.close();
  }
}

async function main() {
  const sdk = await sdkBaseline();
  const node = await nodeLoop();
  const ext = await extension();
  const stepOverheadMs = round(median(ext));
  const sdkGapMs = round(median(sdk));
  report(
    'agent',
    {
      stepOverheadMs,
      sdkGapMs,
      ratioToSdk: round(stepOverheadMs / sdkGapMs),
      nodeLoopMs: round(median(node.probe), 3),
    },
    {
      steps,
      goalMs: 20,
      extensionP90Ms: round(percentile(ext, 90)),
      extensionSamples: ext.length,
      nodeLoopServerGapMs: round(median(node.server)),
      sdkSamples: sdk.length,
    },
  );
}

await main();
