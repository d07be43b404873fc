import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { consentGrantsItem } from '../consent/grants';
import { newUntrustedNonce } from '../prompt/untrusted';
import type { AgentEvent } from './agent-stream-protocol';
import { authorizeCall } from './authorize-call';
import { answerPrompt } from './pending-prompts';
import { type ToolContext, tool } from './tool';

const fetchLike = tool({
  name: 'fetch_like',
  description: 'An effect on a URL.',
  input: z.object({ url: z.string() }),
  risk: 'effect',
  target: async ({ url }) => url,
  run: async () => '',
});
const script = tool({
  name: 'script_like',
  description: 'An effect without a site.',
  input: z.object({}),
  risk: 'effect',
  consentPerRun: true,
  target: async () => null,
  run: async () => '',
});

const context: ToolContext = {
  tabId: null,
  windowId: null,
  incognito: false,
  nonce: newUntrustedNonce(),
  signal: new AbortController().signal,
  ask: async () => '',
  runScript: async () => ({ kind: 'script', output: '', timedOut: true }),
};

/** Authorizes a call, answering its consent prompt (if one comes) with `decision`. */
async function authorize(
  target: typeof fetchLike | typeof script,
  input: unknown,
  decision: 'once' | 'always' | 'deny',
  runGrants = new Set<string>(),
) {
  const prompts: AgentEvent[] = [];
  const emit = (event: AgentEvent) => {
    prompts.push(event);
    if (event.type === 'consent') queueMicrotask(() => answerPrompt(event.promptId, { kind: 'consent', decision }));
  };
  const allowed = await authorizeCall(target, input, context, emit, runGrants, async () => {});
  return { allowed, prompts };
}

describe('authorizeCall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the full URL and site, and returns the decision', async () => {
    const url = 'https://a.example/path?d=secret';
    const once = await authorize(fetchLike, { url }, 'once');
    expect(once.allowed).toBe(true);
    expect(once.prompts[0]).toMatchObject({
      type: 'consent',
      tool: 'fetch_like',
      target: url,
      site: 'https://a.example',
    });
    expect(once.prompts[0]?.type === 'consent' && once.prompts[0].arguments).toContain('d=secret');
    expect((await authorize(fetchLike, { url }, 'deny')).allowed).toBe(false);
    // Neither answer is remembered.
    expect((await authorize(fetchLike, { url }, 'deny')).prompts).toHaveLength(1);
  });

  it('remembers "always" for this tool on this origin only', async () => {
    await authorize(fetchLike, { url: 'https://a.example/1' }, 'always');
    expect(await consentGrantsItem.getValue()).toEqual({ 'fetch_like https://a.example': true });
    expect((await authorize(fetchLike, { url: 'https://a.example/2?x=1' }, 'deny')).prompts).toHaveLength(0);
    const elsewhere = await authorize(fetchLike, { url: 'https://a.example.evil.test/' }, 'deny');
    expect(elsewhere).toMatchObject({ allowed: false });
    expect(elsewhere.prompts).toHaveLength(1);
    expect((await authorize(fetchLike, { url: 'http://a.example/' }, 'deny')).allowed).toBe(false);
  });

  it('asks a per-run tool once per run', async () => {
    const run = new Set<string>();
    expect((await authorize(script, {}, 'once', run)).prompts).toHaveLength(1);
    expect((await authorize(script, {}, 'deny', run)).prompts).toHaveLength(0);
    expect((await authorize(script, {}, 'deny', new Set())).allowed).toBe(false);
  });
});
