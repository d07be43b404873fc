import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type McpTestServer, startMcpServer } from '../support/mcp-server';
import { readSetting } from './support/aside-db';
import { addMcpServer, checkMcpServer } from './support/mcp';
import { type Session, startSession } from './support/session';

interface StoredStatus {
  state: 'ok' | 'error';
  transport?: string;
  tools: { name: string; qualifiedName: string; problem?: string }[];
  lastError?: { error: { code: string; message: string } };
}

/** MCP servers end to end: a real server built with the official SDK, reached from Aside's service worker. */
describe('MCP servers', () => {
  let s: Session;
  let mcp: McpTestServer;
  beforeAll(async () => {
    mcp = await startMcpServer({ token: 'mcp-secret-1' });
    s = await startSession();
    s.aside.audit.allow(mcp.origin);
  });
  afterAll(async () => {
    await s?.close();
    await mcp?.close();
  });

  const status = async (id: string) => ((await readSetting(s.aside, 'mcpStatus')) as Record<string, StoredStatus>)[id];

  it('connects from the service worker over Streamable HTTP, and over the older HTTP+SSE transport', async () => {
    const modern = await addMcpServer(s.aside, {
      name: 'Weather',
      url: mcp.url,
      auth: 'bearer',
      secret: 'mcp-secret-1',
    });
    const legacy = await addMcpServer(s.aside, {
      name: 'Legacy',
      url: mcp.sseUrl,
      auth: 'bearer',
      secret: 'mcp-secret-1',
    });
    expect(await checkMcpServer(s.aside, modern)).toBe('ok');
    expect(await checkMcpServer(s.aside, legacy)).toBe('ok');
    const [weather, old] = [await status(modern), await status(legacy)];
    expect(weather?.transport).toBe('streamable-http');
    expect(weather?.tools.map((tool) => tool.qualifiedName)).toEqual(['weather__get_forecast', 'weather__read_inbox']);
    expect(old?.transport).toBe('sse');
    expect(old?.tools.map((tool) => tool.qualifiedName)).toEqual(['legacy__get_forecast', 'legacy__read_inbox']);
    // The token went with every request, and no cookie did.
    expect(mcp.requests.every((request) => request.headers.authorization === 'Bearer mcp-secret-1')).toBe(true);
  });
});
