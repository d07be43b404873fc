import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { fixtureMcpServer, type RecordedCall } from './mcp-fixture-server';

export { injectionText, type RecordedCall, resourceText } from './mcp-fixture-server';

/** One HTTP request as the server received it. */
export interface RecordedHttp {
  readonly method: string;
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface McpServerOptions {
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  readonly token?: string;
  /** When set, requests without this header and value get 401. */
  readonly header?: { readonly name: string; readonly value: string };
}

export interface McpTestServer {
  readonly origin: string;
  /** Streamable HTTP, stateful sessions: the transport current servers speak. */
  readonly url: string;
  /** The same server over the older HTTP+SSE transport only: a POST to it answers 405, a GET opens the event stream. */
  readonly sseUrl: string;
  /** Streamable HTTP, listing one more tool whose input schema is invalid. */
  readonly mixedUrl: string;
  /** Answers every POST with 200 and text that is not JSON-RPC. */
  readonly malformedUrl: string;
  /** Accepts every request and never answers. */
  readonly hangingUrl: string;
  readonly calls: RecordedCall[];
  readonly requests: RecordedHttp[];
  close(): Promise<void>;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/**
 * A real MCP server for tests, built with the official TypeScript SDK:
 * Streamable HTTP (stateful sessions) and the older HTTP+SSE transport, plus
 * endpoints that misbehave (malformed JSON-RPC, no answer at all).
 */
export async function startMcpServer(options: McpServerOptions = {}): Promise<McpTestServer> {
  const calls: RecordedCall[] = [];
  const requests: RecordedHttp[] = [];
  const sockets = new Set<Socket>();
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const sseSessions = new Map<string, SSEServerTransport>();
  const hanging = new Set<http.ServerResponse>();

  const authorized = (req: http.IncomingMessage) => {
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return false;
    if (options.header && req.headers[options.header.name.toLowerCase()] !== options.header.value) return false;
    return true;
  };

  const streamable = async (req: http.IncomingMessage, res: http.ServerResponse, badSchema: boolean) => {
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (known) return known.handleRequest(req, res, body);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId: string) => {
        sessions.set(sessionId, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await fixtureMcpServer({ badSchema, calls }).connect(transport);
    return transport.handleRequest(req, res, body);
  };

  const legacy = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    if (path === '/legacy/sse' && req.method === 'GET') {
      const transport = new SSEServerTransport('/legacy/messages', res);
      sseSessions.set(transport.sessionId, transport);
      transport.onclose = () => sseSessions.delete(transport.sessionId);
      await fixtureMcpServer({ badSchema: false, calls }).connect(transport);
      return;
    }
    const sessionId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('sessionId') ?? '';
    const transport = sseSessions.get(sessionId);
    if (path === '/legacy/messages' && req.method === 'POST' && transport) {
      return transport.handlePostMessage(req, res, await readJson(req));
    }
    // What an SSE-only server says to a Streamable HTTP POST: the client then falls back to GET.
    res.writeHead(405, { Allow: 'GET' }).end();
  };

  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
    );
    requests.push({ method: req.method ?? 'GET', path, headers });
    try {
      if (!authorized(req)) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorized');
      if (path === '/mcp') return await streamable(req, res, false);
      if (path === '/mixed/mcp') return await streamable(req, res, true);
      if (path.startsWith('/legacy/')) return await legacy(req, res, path);
      if (path === '/malformed/mcp') {
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"jsonrpc": "2.0", "result": ');
      }
      if (path === '/hanging/mcp') return void hanging.add(res);
      res.writeHead(404).end();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/mcp`,
    sseUrl: `${origin}/legacy/sse`,
    mixedUrl: `${origin}/mixed/mcp`,
    malformedUrl: `${origin}/malformed/mcp`,
    hangingUrl: `${origin}/hanging/mcp`,
    calls,
    requests,
    close: async () => {
      for (const transport of [...sessions.values(), ...sseSessions.values()]) await transport.close().catch(() => {});
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
