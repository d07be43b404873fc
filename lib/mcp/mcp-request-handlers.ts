import type { BackgroundRequests } from '../messaging/protocol';
import type { Handlers } from '../messaging/requests';
import { mcpCatalog } from './mcp-catalog';
import { checkMcpServer } from './mcp-check';
import { deleteMcpServer, saveMcpServer } from './mcp-servers';

type McpRequests = Pick<BackgroundRequests, 'mcp.saveServer' | 'mcp.deleteServer' | 'mcp.check' | 'mcp.catalog'>;

/** How long the options page's check may take in all: connecting, then listing. */
const checkTimeoutMs = 30_000;

/** The background's handlers for the options page's MCP requests. */
export const mcpRequestHandlers: Handlers<McpRequests> = {
  'mcp.saveServer': async ({ server, secret }) => ({ server: await saveMcpServer(server, secret) }),
  'mcp.deleteServer': async ({ id }) => {
    await deleteMcpServer(id);
    return {};
  },
  'mcp.check': async ({ id }) => ({ state: (await checkMcpServer(id, AbortSignal.timeout(checkTimeoutMs))).state }),
  'mcp.catalog': async () => ({ servers: await mcpCatalog(AbortSignal.timeout(checkTimeoutMs)) }),
};
