import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type McpTestServer, resourceText, startMcpServer } from '../../tests/support/mcp-server';
import { db } from '../db/database';
import type { AsideError } from '../messaging/errors';
import { newUntrustedNonce } from '../prompt/untrusted-nonce';

const never = new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<AsideError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  // Modules are fresh per test (vi.resetModules): the class is not this file's AsideError, its name is.
  expect((error as Error | null)?.name).toBe('AsideError');
  return error as AsideError;
}

/** Resources and prompts of saved servers, against a real SDK server (several round trips: a loaded machine is slow). */
describe('MCP resources and prompts', { timeout: 30_000 }, () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpServer({ token: 'tok-7' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });
  const draft = (name: string, url: string, enabled = true) => ({ name, url, enabled, auth: 'bearer' as const });

  it('lists each enabled server’s resources and prompts; a failing one says why; a disabled one is not reached', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { mcpCatalog } = await import('./mcp-catalog');
    const weather = await saveMcpServer(draft('Weather', server.url), 'tok-7');
    await saveMcpServer(draft('Broken', server.malformedUrl), 'tok-7');
    await saveMcpServer(draft('Off', server.hangingUrl, false), 'tok-7');
    const catalog = await mcpCatalog(never);
    expect(catalog.map((entry) => entry.server)).toEqual(['Weather', 'Broken']);
    const [ok, broken] = catalog;
    expect(ok?.serverId).toBe(weather.id);
    expect(ok?.error).toBeUndefined();
    expect(ok?.resources).toEqual([
      { uri: 'notes://today', name: 'today', title: "Today's notes", mimeType: 'text/plain' },
      { uri: 'files://logo.png', name: 'logo.png', mimeType: 'image/png' },
    ]);
    expect(ok?.prompts.map((prompt) => prompt.name)).toEqual(['summarize_topic', 'describe_logo']);
    expect(ok?.prompts[0]?.arguments).toEqual([{ name: 'topic', description: 'What to summarize', required: true }]);
    expect(broken).toMatchObject({ resources: [], prompts: [], error: { code: 'mcp-protocol' } });
    expect(server.requests.some((request) => request.path === '/hanging/mcp')).toBe(false);
  });

  it('reads a picked resource and sends it with the question, wrapped as untrusted with its name and server', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { resourcePrompt } = await import('./mcp-resource-context');
    const weather = await saveMcpServer(draft('Weather', server.url), 'tok-7');
    const nonce = newUntrustedNonce();
    const pick = { serverId: weather.id, uri: 'notes://today', name: "Today's notes" };
    const sent = await resourcePrompt(pick, 'When is standup?', nonce, never);
    expect(
      sent.startsWith("When is standup?\n\nI attached the resource «Today's notes» of the MCP server «Weather»"),
    ).toBe(true);
    expect(sent).toContain(
      `<<<UNTRUSTED_CONTENT_${nonce} kind="mcp resource" title="Weather · Today's notes" url="notes://today"\n${resourceText}\nUNTRUSTED_CONTENT_${nonce}>>>`,
    );
  });

  it('refuses a binary resource, a removed or disabled server, with a clear error', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { resourcePrompt } = await import('./mcp-resource-context');
    const weather = await saveMcpServer(draft('Weather', server.url), 'tok-7');
    const off = await saveMcpServer(draft('Off', server.url, false), 'tok-7');
    const nonce = newUntrustedNonce();
    const binary = await failure(
      resourcePrompt({ serverId: weather.id, uri: 'files://logo.png', name: 'logo.png' }, 'q', nonce, never),
    );
    expect(binary.code).toBe('mcp-content');
    expect(binary.params).toEqual({ server: 'Weather', name: 'logo.png', type: 'image/png' });
    for (const serverId of [off.id, 'gone']) {
      const missing = await failure(resourcePrompt({ serverId, uri: 'notes://today', name: 'x' }, 'q', nonce, never));
      expect(missing.code).toBe('not-found');
    }
  });

  it('gets a prompt with its arguments as a turn wrapped as untrusted; an image prompt is refused clearly', async () => {
    const { saveMcpServer } = await import('./mcp-servers');
    const { mcpPromptTurn } = await import('./mcp-prompt-turn');
    const weather = await saveMcpServer(draft('Weather', server.url), 'tok-7');
    const nonce = newUntrustedNonce();
    const turn = await mcpPromptTurn(
      { serverId: weather.id, name: 'summarize_topic', arguments: { topic: 'MCP' } },
      nonce,
      never,
    );
    expect(turn).toContain('I chose to run the prompt «summarize_topic» of the MCP server «Weather».');
    expect(turn).toContain(
      `<<<UNTRUSTED_CONTENT_${nonce} kind="mcp prompt" title="Weather · summarize_topic"\nSummarize MCP in three bullet points.\nUNTRUSTED_CONTENT_${nonce}>>>`,
    );
    const image = await failure(mcpPromptTurn({ serverId: weather.id, name: 'describe_logo' }, nonce, never));
    expect(image.code).toBe('mcp-content');
    expect(image.params).toMatchObject({ server: 'Weather', name: 'describe_logo', type: 'image' });
  });
});
