import { policyOf } from '../../lib/mcp/mcp-server-config';
import { mcpServersItem, mcpStatusItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';

/**
 * The MCP tools a team member may be given, named by server (`<slug>__<tool>`):
 * those of enabled servers, as last listed, minus tools turned Off or left out
 * for an invalid schema.
 */
export function useMcpToolChoices(): string[] {
  const servers = useStorageItem(mcpServersItem) ?? [];
  const statuses = useStorageItem(mcpStatusItem) ?? {};
  return servers
    .filter((server) => server.enabled)
    .flatMap((server) =>
      (statuses[server.id]?.tools ?? [])
        .filter((tool) => !tool.problem && policyOf(server, tool.name) !== 'off')
        .map((tool) => tool.qualifiedName),
    );
}
