import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type McpTestServer, startMcpServer } from '../../tests/support/mcp-server';
import { AsideError } from '../messaging/errors';
import { connectMcp } from './mcp-connect';

const never = new AbortController().signal;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<AsideError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AsideError);
  return error as AsideError;
}

/** The SDK's client, as Aside configures it, against a real server built with the SDK. */
describe('connectMcp', () => {
  let server: McpTestServer;
  beforeAll(async () => {
    server = await startMcpServer({ token: 'tok-123' });
  });
  afterAll(() => server.close());
  const auth = { Authorization: 'Bearer tok-123' };

  it('connects over Streamable HTTP and lists the tools', async () => {
    const connection = await connectMcp({ name: 'Fixture', url: server.url, headers: auth }, never);
    try {
      expect(connection.transport).toBe('streamable-http');
      const { tools } = await connection.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['get_forecast', 'read_inbox']);
    } finally {
      await connection.close();
    }
  });

  it('falls back to the older HTTP+SSE transport when the server answers the POST with 405', async () => {
    const connection = await connectMcp({ name: 'Legacy', url: server.sseUrl, headers: auth }, never);
    try {
      expect(connection.transport).toBe('sse');
      const result = await connection.client.callTool({ name: 'get_forecast', arguments: { city: 'Lyon' } });
      expect(JSON.stringify(result.content)).toContain('Forecast for Lyon');
    } finally {
      await connection.close();
    }
  });

  it('names the server and the problem: refused token, down, malformed JSON-RPC, no answer', async () => {
    const refused = await failure(connectMcp({ name: 'Fixture', url: server.url, headers: {} }, never));
    expect(refused.code).toBe('mcp-auth');
    expect(refused.message).toContain('«Fixture»');

    const down = await failure(
      connectMcp({ name: 'Gone', url: `http://127.0.0.1:${await closedPort()}/mcp`, headers: {} }, never),
    );
    expect(down.code).toBe('mcp-unreachable');
    expect(down.message).toContain('«Gone»');

    const malformed = await failure(connectMcp({ name: 'Bad', url: server.malformedUrl, headers: auth }, never));
    expect(malformed.code).toBe('mcp-protocol');

    const hanging = await failure(connectMcp({ name: 'Stuck', url: server.hangingUrl, headers: auth }, never, 300));
    expect(hanging.code).toBe('mcp-timeout');
  });

  it('sends the token to the server’s origin only', async () => {
    const before = server.requests.length;
    const connection = await connectMcp({ name: 'Fixture', url: server.url, headers: auth }, never);
    await connection.close();
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.headers.authorization === 'Bearer tok-123')).toBe(true);
    expect(sent.every((request) => request.headers.cookie === undefined)).toBe(true);
  });
});
