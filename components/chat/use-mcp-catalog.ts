import { useEffect, useState } from 'react';
import type { McpCatalogEntry } from '../../lib/mcp/mcp-catalog-schema';
import { callBackground } from '../../lib/messaging/requests';
import { mcpServersItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';

/**
 * The enabled MCP servers' resources and prompts, asked of the background
 * when the panel opens and again whenever the servers change. Empty while
 * there is no enabled server, so a user without MCP pays nothing.
 */
export function useMcpCatalog(): readonly McpCatalogEntry[] {
  const servers = useStorageItem(mcpServersItem);
  const [catalog, setCatalog] = useState<readonly McpCatalogEntry[]>([]);
  // What decides the catalog: which servers are on, and where they are.
  const key = JSON.stringify((servers ?? []).filter((server) => server.enabled).map((s) => [s.id, s.url, s.name]));
  useEffect(() => {
    if (key === '[]') {
      setCatalog([]);
      return;
    }
    let alive = true;
    callBackground('mcp.catalog', {})
      .then(({ servers }) => alive && setCatalog(servers))
      .catch(() => alive && setCatalog([]));
    return () => {
      alive = false;
    };
  }, [key]);
  return catalog;
}
