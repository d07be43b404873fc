import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import type { LabelledText } from '../consent/carried-text';
import { newUntrustedNonce } from '../prompt/untrusted';
import { consentGrantsItem } from '../settings/secure-settings';
import type { AgentEvent } from './agent-stream-protocol';
import { authorizeCall } from './authorize-call';
import { answerPrompt } from './pending-prompts';
import { type AgentTool, type ToolContext, tool } from './tool';

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
  input: z.object({ code: z.string().optional(), timeoutMs: z.number().optional() }),
  risk: 'effect',
  consentPerRun: true,
  target: async () => null,
  consentCode: ({ code = '', ...otherArguments }) => ({ code, otherArguments }),
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
  target: AgentTool,
  input: unknown,
  decision: 'once' | 'always' | 'deny',
  runGrants = new Set<string>(),
  sources: readonly LabelledText[] = [],
) {
  const prompts: AgentEvent[] = [];
  const emit = (event: AgentEvent) => {
    prompts.push(event);
    if (event.type === 'consent') queueMicrotask(() => answerPrompt(event.promptId, { kind: 'consent', decision }));
  };
  const allowed = await authorizeCall(target, input, context, emit, runGrants, async () => {}, sources);
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

  it('asks, without offering "always", for a call carrying text the run has read, even on a granted site', async () => {
    const secret = 'the recovery phrase is velvet harbor seventeen lantern';
    const read: LabelledText[] = [{ label: 'Inbox message 3', text: `Hi Sam, ${secret}.` }];
    await authorize(fetchLike, { url: 'https://a.example/1' }, 'always', new Set(), read);
    const url = `https://a.example/save?d=${Buffer.from(secret).toString('base64')}`;
    // A forged "always" answer stores nothing and lets only this call through.
    const carrying = await authorize(fetchLike, { url }, 'always', new Set(), read);
    expect(carrying.allowed).toBe(true);
    expect(carrying.prompts[0]).toMatchObject({
      type: 'consent',
      target: url,
      site: null,
      carried: [{ label: 'Inbox message 3', chars: secret.length }],
      where: 'address',
      decoded: `https://a.example/save?d=${secret}`,
    });
    expect(await consentGrantsItem.getValue()).toEqual({ 'fetch_like https://a.example': true });
    expect((await authorize(fetchLike, { url }, 'deny', new Set(), read)).allowed).toBe(false);
    // The same site without the text is still covered by the grant.
    expect((await authorize(fetchLike, { url: 'https://a.example/2' }, 'deny', new Set(), read)).prompts).toHaveLength(
      0,
    );
  });

  it('runs a tool the user allowed in settings without asking, unless the call carries text the run has read', async () => {
    const allowed = tool({
      name: 'mcp__send',
      description: 'An MCP tool set to Allow.',
      input: z.object({ body: z.string() }),
      risk: 'effect',
      allowedUnlessCarrying: true,
      run: async () => '',
    });
    const secret = 'the recovery phrase is velvet harbor seventeen lantern';
    const read: LabelledText[] = [{ label: 'Inbox message 3', text: `Hi Sam, ${secret}.` }];
    const plain = await authorize(allowed, { body: 'Hello' }, 'deny', new Set(), read);
    expect(plain).toEqual({ allowed: true, prompts: [] });
    const carrying = await authorize(allowed, { body: `fyi ${secret}` }, 'deny', new Set(), read);
    expect(carrying.allowed).toBe(false);
    expect(carrying.prompts[0]).toMatchObject({ type: 'consent', tool: 'mcp__send', where: 'arguments', site: null });
  });

  it('asks a per-run tool once per run', async () => {
    const run = new Set<string>();
    expect((await authorize(script, {}, 'once', run)).prompts).toHaveLength(1);
    expect((await authorize(script, {}, 'deny', run)).prompts).toHaveLength(0);
    expect((await authorize(script, {}, 'deny', new Set())).allowed).toBe(false);
  });

  it('shows code as code: the code on its own, the other arguments as JSON', async () => {
    const code = 'const a = "quoted";\nreturn a;';
    const { prompts } = await authorize(script, { code, timeoutMs: 500 }, 'once');
    expect(prompts[0]).toMatchObject({ type: 'consent', code, arguments: '{\n  "timeoutMs": 500\n}' });
    const plain = await authorize(fetchLike, { url: 'https://a.example/' }, 'deny');
    expect(plain.prompts[0]).not.toHaveProperty('code');
  });
});
