import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AsideError } from '../messaging/errors';

/** What the SDK's HTTP transports throw for an HTTP status (StreamableHTTPError, SseError): an Error with a numeric `code`. */
function httpStatusOf(error: Error): number | undefined {
  const code = (error as { code?: unknown }).code;
  const fromTransport = /^(Streamable HTTP|SSE) error/.test(error.message);
  return fromTransport && typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

const isJsonProblem = (error: Error) =>
  error instanceof SyntaxError ||
  error.name === 'ZodError' ||
  /JSON|Invalid input|invalid_(type|union)/i.test(error.message);

/**
 * Any failure talking to an MCP server as an AsideError the user can act on,
 * naming the server: unreachable, no answer in time, token refused, an HTTP
 * error, an answer that is not JSON-RPC, or the server's own JSON-RPC error.
 * The SDK's words go in `detail`.
 */
export function mcpError(thrown: unknown, server: string, signal?: AbortSignal): AsideError {
  if (thrown instanceof AsideError) return thrown;
  if (signal?.aborted) return new AsideError('cancelled', 'Stopped.');
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const detail = error.message;
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) {
      return new AsideError('mcp-timeout', `The MCP server «${server}» did not answer in time.`, { detail });
    }
    if (error.code === ErrorCode.ConnectionClosed) {
      return new AsideError('mcp-unreachable', `The MCP server «${server}» closed the connection.`, { detail });
    }
    return new AsideError('mcp-error', `The MCP server «${server}» answered with an error.`, { detail });
  }
  const status = httpStatusOf(error);
  if (status === 401 || status === 403) {
    return new AsideError('mcp-auth', `The MCP server «${server}» refused the credentials.`, { status, detail });
  }
  if (status !== undefined) {
    return new AsideError('mcp-http', `The MCP server «${server}» answered HTTP ${status}.`, { status, detail });
  }
  if (error.name === 'TimeoutError') {
    return new AsideError('mcp-timeout', `The MCP server «${server}» did not answer in time.`, { detail });
  }
  if (isJsonProblem(error)) {
    return new AsideError('mcp-protocol', `The MCP server «${server}» sent an answer that is not valid JSON-RPC.`, {
      detail,
    });
  }
  return new AsideError('mcp-unreachable', `Could not reach the MCP server «${server}».`, { detail });
}
