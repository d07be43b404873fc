import { AsideError } from '../messaging/errors';
import { mcpServersItem } from '../settings/secure-settings';
import { connectMcp, type McpConnection } from './mcp-connect';
import { mcpError } from './mcp-errors';
import type { McpServer } from './mcp-server-config';
import { mcpTarget } from './mcp-servers';

/** Finds an enabled server by id: a server removed or turned off since the panel listed it is not reached. */
export async function enabledMcpServer(serverId: string): Promise<McpServer> {
  const server = (await mcpServersItem.getValue()).find((each) => each.id === serverId);
  if (!server?.enabled) throw new AsideError('not-found', 'That MCP server was removed or turned off.');
  return server;
}

/**
 * Connects to one server, does `use` with the session and lets it go. Any
 * failure comes back as an AsideError naming the server (lib/mcp/mcp-errors.ts).
 */
export async function withMcpServer<T>(
  server: McpServer,
  signal: AbortSignal,
  use: (connection: McpConnection) => Promise<T>,
): Promise<T> {
  let connection: McpConnection | null = null;
  try {
    connection = await connectMcp(await mcpTarget(server), signal);
    return await use(connection);
  } catch (thrown) {
    throw mcpError(thrown, server.name, signal);
  } finally {
    await connection?.close();
  }
}
