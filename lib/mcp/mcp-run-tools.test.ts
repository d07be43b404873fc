import 'fake-indexeddb/auto';
import { getEventListeners } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectionText, type McpTestServer, startMcpServer } from '../../tests/support/mcp-server';
import type { ToolContext } from '../agent/tool';
import { db } from '../db/database';
import { newUntrustedNonce } from '../prompt/untrusted-nonce';

const never = new AbortController().signal;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function contextWith(nonce = newUntrustedNonce(), signal = never): ToolContext {
  return {
    tabId: null,
    windowId: null,
    incognito: false,
    nonce,
    signal,
    ask: async () => '',
    runScript: async () => {
      throw new Error('no sandbox here');
    },
  };
}

/** A run's MCP tools, from servers saved in (fake) IndexedDB, against a real SDK server. */
describe('openMcpTools', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpServer({ token: 'tok-9' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });

  const draft = (name: string, url: string) => ({ name, url, enabled: true, auth: 'bearer' as const });

  it('offers each server’s tools named by server, with Ask as an effect, Allow as direct, Off hidden', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { mcpServersItem } = await import('../settings/secure-settings');
    const { openMcpTools } = await import('./mcp-run-tools');
    const weather = await saveMcpServer(draft('Weather', server.url), 'tok-9');
    await saveMcpServer(draft('Mixed', server.mixedUrl), 'tok-9');
    await mcpServersItem.update((all) =>
      all.map((each) =>
        each.id === weather.id ? { ...each, policies: { read_inbox: 'allow', get_forecast: 'ask' } } : each,
      ),
    );
    const run = await openMcpTools(never);
    try {
      expect(run.problems).toEqual([]);
      expect(run.tools.map((tool) => [tool.name, tool.allowedUnlessCarrying])).toEqual([
        ['weather__get_forecast', false],
        ['weather__read_inbox', true],
        ['mixed__get_forecast', false],
        ['mixed__read_inbox', false],
      ]);
      expect(run.tools.every((tool) => tool.risk === 'effect')).toBe(true);
      expect(run.tools[0]?.mcp).toEqual({ server: 'Weather', url: server.url, tool: 'get_forecast' });
      expect(run.tools[0]?.parameters).toMatchObject({ required: ['city'] });
    } finally {
      await run.close();
    }
    await mcpServersItem.update((all) =>
      all.map((each) => (each.id === weather.id ? { ...each, policies: { get_forecast: 'off' } } : each)),
    );
    const later = await openMcpTools(never);
    await later.close();
    expect(later.tools.map((tool) => tool.name)).not.toContain('weather__get_forecast');
    expect(later.tools.map((tool) => tool.name)).toContain('weather__read_inbox');
  });

  it('wraps every result as untrusted with the run’s nonce, an injection included', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { openMcpTools } = await import('./mcp-run-tools');
    await saveMcpServer(draft('Weather', server.url), 'tok-9');
    const run = await openMcpTools(never);
    try {
      const context = contextWith();
      const inbox = run.tools.find((tool) => tool.name === 'weather__read_inbox');
      const text = (await inbox?.run({}, context)) ?? '';
      expect(text.startsWith(`<<<UNTRUSTED_CONTENT_${context.nonce}`)).toBe(true);
      expect(text.trimEnd().endsWith(`UNTRUSTED_CONTENT_${context.nonce}>>>`)).toBe(true);
      expect(text).toContain(injectionText);
      // The text outside the markers is Aside's own: nothing the server said.
      const outside = text.replace(/<<<UNTRUSTED_CONTENT_[^\n]*\n[\s\S]*\nUNTRUSTED_CONTENT_[0-9a-f]+>>>/, '');
      expect(outside).toBe('');
    } finally {
      await run.close();
    }
  });

  it('leaves no listener on the run’s signal after its calls, and Stop still cancels a call in flight', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { openMcpTools } = await import('./mcp-run-tools');
    await saveMcpServer(draft('Weather', server.url), 'tok-9');
    const stop = new AbortController();
    const run = await openMcpTools(stop.signal);
    try {
      const forecast = run.tools.find((tool) => tool.name === 'weather__get_forecast');
      const context = contextWith(newUntrustedNonce(), stop.signal);
      // A long run makes many calls on one signal: each used to leave the SDK's abort listener behind.
      for (let call = 0; call < 3; call++) await forecast?.run({ city: 'Oslo' }, context);
      expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
      const slow = run.tools.find((tool) => tool.name === 'weather__read_inbox')?.run({}, context);
      stop.abort();
      await expect(slow).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await run.close();
    }
  });

  it('a server that is down, refuses the token or answers malformed JSON-RPC costs only its own tools, each said so', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { mcpStatusItem } = await import('../settings/secure-settings');
    const { openMcpTools } = await import('./mcp-run-tools');
    const gone = await saveMcpServer(draft('Gone', `http://127.0.0.1:${await closedPort()}/mcp`), 'tok-9');
    await saveMcpServer(draft('Wrong token', server.url), 'nope');
    await saveMcpServer(draft('Malformed', server.malformedUrl), 'tok-9');
    await saveMcpServer(draft('Weather', server.url), 'tok-9');
    const run = await openMcpTools(never);
    await run.close();
    expect(run.problems.map((problem) => [problem.server, problem.error.code])).toEqual([
      ['Gone', 'mcp-unreachable'],
      ['Wrong token', 'mcp-auth'],
      ['Malformed', 'mcp-protocol'],
    ]);
    expect(run.tools.map((tool) => tool.name)).toEqual(['weather__get_forecast', 'weather__read_inbox']);
    const status = (await mcpStatusItem.getValue())[gone.id];
    expect(status?.state).toBe('error');
    expect(status?.lastError?.error.code).toBe('mcp-unreachable');
  });

  it('keeps a token with the origin it was saved for', async () => {
    const { saveMcpServer, mcpTarget } = await import('./mcp-servers');
    const saved = await saveMcpServer(draft('Weather', server.url), 'tok-9');
    expect((await mcpTarget(saved)).headers).toEqual({ Authorization: 'Bearer tok-9' });
    const moved = saveMcpServer({ ...draft('Weather', 'https://attacker.example/mcp'), id: saved.id }, undefined);
    await expect(moved).rejects.toMatchObject({ code: 'key-origin' });
    // A page rewriting the stored URL (settings.set) does not get the token sent elsewhere either.
    await expect(mcpTarget({ ...saved, url: 'https://attacker.example/mcp' })).rejects.toMatchObject({
      code: 'key-origin',
    });
  });
});
