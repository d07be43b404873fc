import { useState } from 'react';
import { mcpServersItem, mcpStatusItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { McpServerForm } from './mcp-server-form';
import { McpServerRow } from './mcp-server-row';

/** The options page's MCP servers: the list with statuses and tool policies, and the add/edit form. */
export function McpSettings() {
  const t = useT();
  const servers = useStorageItem(mcpServersItem);
  const statuses = useStorageItem(mcpStatusItem);
  // null: adding a server; a string: editing that one.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const edited = servers?.find((server) => server.id === editing) ?? null;
  return (
    <div className="mcp-settings">
      <p className="muted">{t('mcp.intro')}</p>
      {servers && servers.length > 0 ? (
        <ul className="profile-list">
          {servers.map((server) => (
            <McpServerRow
              key={server.id}
              server={server}
              status={statuses?.[server.id]}
              onEdit={() => setEditing(server.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('mcp.none')}</p>
      )}
      {editing === undefined ? (
        <button type="button" onClick={() => setEditing(null)}>
          {t('mcp.add')}
        </button>
      ) : (
        <McpServerForm key={editing ?? 'new'} server={edited} onClose={() => setEditing(undefined)} />
      )}
    </div>
  );
}
