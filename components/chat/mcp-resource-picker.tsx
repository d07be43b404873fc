import type { McpCatalogEntry, McpResourcePick } from '../../lib/mcp/mcp-catalog-schema';
import { useT } from '../hooks/use-t';
import { Icon } from '../ui/icon';

/**
 * Near the context line: attach one resource of an MCP server to the next
 * question, or show the one attached (its name and server) with a way to
 * remove it. The background reads it when the question is sent.
 */
export function McpResourcePicker({
  catalog,
  attached,
  onAttach,
}: {
  catalog: readonly McpCatalogEntry[];
  attached: (McpResourcePick & { server: string }) | null;
  onAttach: (pick: (McpResourcePick & { server: string }) | null) => void;
}) {
  const t = useT();
  if (attached) {
    return (
      <div className="mcp-attached row muted" data-testid="mcp-attached" title={attached.uri}>
        <span>
          <Icon name="paperclip" /> {t('mcpPanel.attached', { name: attached.name, server: attached.server })}
        </span>
        <button type="button" className="ghost" aria-label={t('mcpPanel.remove')} onClick={() => onAttach(null)}>
          ×
        </button>
      </div>
    );
  }
  const servers = catalog.filter((entry) => entry.resources.length > 0);
  if (servers.length === 0) return null;
  return (
    <select
      className="mcp-resource-picker"
      aria-label={t('mcpPanel.attach')}
      data-testid="mcp-resource-picker"
      value=""
      onChange={(event) => {
        const [serverIndex, resourceIndex] = event.target.value.split(':').map(Number);
        const entry = servers[serverIndex ?? -1];
        const resource = entry?.resources[resourceIndex ?? -1];
        if (entry && resource) {
          onAttach({
            serverId: entry.serverId,
            server: entry.server,
            uri: resource.uri,
            name: resource.title ?? resource.name,
          });
        }
      }}
    >
      <option value="">{t('mcpPanel.attachNone')}</option>
      {servers.map((entry, serverIndex) => (
        <optgroup key={entry.serverId} label={entry.server}>
          {entry.resources.map((resource, resourceIndex) => (
            <option key={resource.uri} value={`${serverIndex}:${resourceIndex}`}>
              {resource.title ?? resource.name} · {entry.server}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
