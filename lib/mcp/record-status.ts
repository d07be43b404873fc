import type { AsideError } from '../messaging/errors';
import { mcpStatusItem } from '../settings/secure-settings';
import type { McpTransportKind } from './mcp-connect';
import type { ListedTool } from './mcp-list';
import type { McpServerStatus, McpToolStatus } from './mcp-status';

const toolStatus = (tool: ListedTool): McpToolStatus => ({
  name: tool.name.slice(0, 200),
  qualifiedName: tool.qualifiedName,
  ...(tool.title ? { title: tool.title } : {}),
  description: tool.description,
  ...(tool.check.ok ? {} : { problem: tool.check.problem.slice(0, 1_000) }),
});

/** Records that a server answered and listed these tools. Background only. */
export async function recordListing(serverId: string, transport: McpTransportKind, tools: readonly ListedTool[]) {
  let status: McpServerStatus | undefined;
  await mcpStatusItem.update((all) => {
    const previous = all[serverId];
    status = {
      state: 'ok',
      checkedAt: Date.now(),
      transport,
      tools: tools.map(toolStatus),
      ...(previous?.lastError ? { lastError: previous.lastError } : {}),
    };
    return { ...all, [serverId]: status };
  });
  return status as McpServerStatus;
}

/** Records a failure; the tools of the last good listing stay, so settings and team choices keep them. */
export async function recordFailure(serverId: string, error: AsideError) {
  let status: McpServerStatus | undefined;
  await mcpStatusItem.update((all) => {
    const now = Date.now();
    status = {
      ...(all[serverId] ?? { tools: [] }),
      state: 'error',
      checkedAt: now,
      lastError: { error: error.toJSON(), at: now },
    };
    return { ...all, [serverId]: status };
  });
  return status as McpServerStatus;
}
