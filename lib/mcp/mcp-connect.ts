import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { mcpError } from './mcp-errors';
import { zodSchemaValidator } from './mcp-schema-validator';
import { originBoundFetch } from './origin-bound-fetch';
import { withRequestSignal } from './request-signal';

/** Which MCP transport a connection uses. */
export type McpTransportKind = 'streamable-http' | 'sse';

/** Where and how to reach one server. */
export interface McpTarget {
  /** The server's name, for messages. */
  readonly name: string;
  readonly url: string;
  /** Credentials to send (an Authorization or custom header); sent only to the URL's origin. */
  readonly headers: Readonly<Record<string, string>>;
}

/** An initialized MCP session. */
export interface McpConnection {
  readonly client: Client;
  readonly transport: McpTransportKind;
  /** The last error the transport reported outside a request (a broken event stream), for messages. */
  lastTransportError(): Error | null;
  close(): Promise<void>;
}

/** How long connecting (initialize) may take before the server counts as not answering. */
export const connectTimeoutMs = 10_000;

const clientInfo = { name: 'aside', version: '1.0.0' };

async function open(
  transport: Transport,
  kind: McpTransportKind,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<McpConnection> {
  // Aside's own validator: the SDK's default (Ajv) compiles schemas with `new Function`, which MV3 forbids.
  const client = new Client(clientInfo, { capabilities: {}, jsonSchemaValidator: zodSchemaValidator });
  let transportError: Error | null = null;
  client.onerror = (error) => {
    transportError = error;
  };
  // The older transport waits for its event stream before any request, with no time limit of its own.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop = () => {};
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new McpError(ErrorCode.RequestTimeout, 'Connecting timed out')), timeoutMs);
    stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    await Promise.race([
      withRequestSignal(signal, (own) => client.connect(transport, { signal: own, timeout: timeoutMs })),
      late,
    ]);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
  return {
    client,
    transport: kind,
    lastTransportError: () => transportError,
    close: async () => {
      if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => {});
      await client.close().catch(() => {});
    },
  };
}

/**
 * Whether a failed Streamable HTTP attempt means "this is an older HTTP+SSE
 * server": the spec's backwards-compatibility rule is a 4xx answer to the
 * initialize POST (405, 404…). Refused credentials are not that.
 */
function suggestsLegacyServer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 400 && code < 500 && code !== 401 && code !== 403;
}

/**
 * Connects to an MCP server with the official SDK: Streamable HTTP first,
 * then, when the server answers that with a 4xx, the older HTTP+SSE transport.
 * Throws an AsideError naming the server (lib/mcp/mcp-errors.ts).
 */
export async function connectMcp(
  target: McpTarget,
  signal: AbortSignal,
  timeoutMs = connectTimeoutMs,
): Promise<McpConnection> {
  const url = new URL(target.url);
  const fetch = originBoundFetch(url, target.headers);
  try {
    try {
      const transport = new StreamableHTTPClientTransport(url, {
        fetch,
        // A broken event stream is reported, not retried for a minute in the background.
        reconnectionOptions: {
          maxRetries: 0,
          initialReconnectionDelay: 1000,
          maxReconnectionDelay: 1000,
          reconnectionDelayGrowFactor: 1,
        },
      });
      return await open(transport, 'streamable-http', signal, timeoutMs);
    } catch (error) {
      if (!suggestsLegacyServer(error)) throw error;
      try {
        return await open(new SSEClientTransport(url, { fetch }), 'sse', signal, timeoutMs);
      } catch {
        // Neither transport: the first answer says most about what is wrong.
        throw error;
      }
    }
  } catch (error) {
    throw mcpError(error, target.name, signal);
  }
}
