import { type McpServer, type McpToolPolicy, mcpToolPolicies, policyOf } from '../../lib/mcp/mcp-server-config';
import type { McpServerStatus } from '../../lib/mcp/mcp-status';
import { callBackground } from '../../lib/messaging/requests';
import { mcpServersItem } from '../../lib/settings/secure-settings';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from './use-action';

const changeServer = (id: string, change: (server: McpServer) => McpServer) =>
  mcpServersItem.update((servers) => servers.map((server) => (server.id === id ? change(server) : server)));

/**
 * One MCP server: its address, on/off, its status (connected with N tools, or
 * the last error and when), and each tool with its policy (Ask, Allow, Off);
 * a tool the server described with an invalid schema is listed with the reason.
 */
export function McpServerRow({
  server,
  status,
  onEdit,
}: {
  server: McpServer;
  status: McpServerStatus | undefined;
  onEdit: () => void;
}) {
  const t = useT();
  const check = useAction(() => callBackground('mcp.check', { id: server.id }));
  const remove = useAction(() => callBackground('mcp.deleteServer', { id: server.id }));
  const setPolicy = (tool: string, policy: McpToolPolicy) =>
    changeServer(server.id, (current) => ({ ...current, policies: { ...current.policies, [tool]: policy } }));
  const failed = check.state.status === 'failed' ? check.state : remove.state;
  const state = status ? status.state : 'unknown';
  return (
    <li className="profile-row mcp-server" data-testid="mcp-server" data-mcp-state={state}>
      <div className="profile-main">
        <strong className="profile-name">{server.name}</strong>
        <div className="profile-meta muted">
          <span className="mono">{server.url}</span>
          <span className="mono">{server.slug}__…</span>
          {server.auth === 'none' ? null : (
            <span className={server.hasSecret ? 'key-status stored' : 'key-status'}>
              {server.hasSecret ? t('settings.keyStored') : t('settings.noKey')}
            </span>
          )}
        </div>
        <div data-testid="mcp-status">
          {status?.state === 'ok'
            ? t('mcp.status.ok', { count: status.tools.length, transport: status.transport ?? '' })
            : status
              ? null
              : t('mcp.status.unknown')}
        </div>
        {status?.state === 'error' && status.lastError ? (
          <ErrorMessage error={status.lastError.error}>
            <div className="muted">{t('mcp.status.at', { time: new Date(status.lastError.at).toLocaleString() })}</div>
          </ErrorMessage>
        ) : null}
      </div>
      <div className="row profile-actions">
        <label className="row">
          <input
            type="checkbox"
            checked={server.enabled}
            onChange={(e) => {
              // Read now: the change runs after a read, when React has put the controlled box back.
              const enabled = e.target.checked;
              void changeServer(server.id, (current) => ({ ...current, enabled }));
            }}
          />
          {t('mcp.enabled')}
        </label>
        <button type="button" disabled={check.state.status === 'running'} onClick={() => void check.run()}>
          {t('mcp.check')}
        </button>
        <button type="button" onClick={onEdit}>
          {t('common.edit')}
        </button>
        <button type="button" className="danger" onClick={() => void remove.run()}>
          {t('common.delete')}
        </button>
      </div>
      {status && status.tools.length > 0 ? (
        <ul className="mcp-tools">
          {status.tools.map((tool) => (
            <li key={tool.name} className="row" data-testid="mcp-tool" data-tool={tool.name}>
              <code className="grow" title={tool.description}>
                {tool.name}
              </code>
              {tool.problem ? (
                <span className="field-error" data-testid="mcp-tool-problem">
                  {t('mcp.toolProblem', { problem: tool.problem })}
                </span>
              ) : (
                <select
                  aria-label={t('mcp.policyFor', { tool: tool.name })}
                  value={policyOf(server, tool.name)}
                  onChange={(e) => void setPolicy(tool.name, e.target.value as McpToolPolicy)}
                >
                  {mcpToolPolicies.map((policy) => (
                    <option key={policy} value={policy}>
                      {t(`mcp.policy.${policy}`)}
                    </option>
                  ))}
                </select>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {failed.status === 'failed' ? <ErrorMessage error={failed.error} /> : null}
    </li>
  );
}
