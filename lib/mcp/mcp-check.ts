import { AsideError } from '../messaging/errors';
import { mcpServersItem } from '../settings/secure-settings';
import { connectMcp } from './mcp-connect';
import { mcpError } from './mcp-errors';
import { listTools } from './mcp-list';
import { mcpTarget } from './mcp-servers';
import type { McpServerStatus } from './mcp-status';
import { recordFailure, recordListing } from './record-status';

/**
 * Connects to a configured server, lists its tools, and records the outcome
 * as its status (the options page's "Check" and every save). Never throws for
 * the server's own failures: they become the status.
 */
export async function checkMcpServer(id: string, signal: AbortSignal): Promise<McpServerStatus> {
  const server = (await mcpServersItem.getValue()).find((each) => each.id === id);
  if (!server) throw new AsideError('not-found', 'This MCP server no longer exists.');
  try {
    const connection = await connectMcp(await mcpTarget(server), signal);
    try {
      return await recordListing(id, connection.transport, await listTools(connection, server.slug, signal));
    } finally {
      await connection.close();
    }
  } catch (error) {
    return recordFailure(id, mcpError(error, server.name, signal));
  }
}
