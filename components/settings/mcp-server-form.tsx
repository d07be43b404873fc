import { useId, useState } from 'react';
import type { McpAuthKind, McpServer } from '../../lib/mcp/mcp-server-config';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { Field } from './field';
import { useAction } from './use-action';

/**
 * Adding or editing one MCP server: name, URL, credentials (none, a bearer
 * token, or a header of its own) and whether it is on. A token left empty
 * keeps the stored one; it stays bound to the origin it was saved for. Saving
 * checks the server at once, so its status shows right away.
 */
export function McpServerForm({ server, onClose }: { server: McpServer | null; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(server?.name ?? '');
  const [url, setUrl] = useState(server?.url ?? '');
  const [auth, setAuth] = useState<McpAuthKind>(server?.auth ?? 'none');
  const [headerName, setHeaderName] = useState(server?.headerName ?? '');
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(server?.enabled ?? true);
  const save = useAction(async () => {
    const draft = {
      ...(server ? { id: server.id } : {}),
      name: name.trim(),
      url: url.trim(),
      enabled,
      auth,
      ...(auth === 'header' ? { headerName: headerName.trim() } : {}),
    };
    const saved = await callBackground('mcp.saveServer', { server: draft, ...(secret ? { secret } : {}) });
    if (saved.server.enabled) await callBackground('mcp.check', { id: saved.server.id });
    onClose();
  });
  return (
    <form
      className="mcp-form"
      data-testid="mcp-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field id={`${id}-name`} label={t('mcp.name')}>
        <input id={`${id}-name`} required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id={`${id}-url`} label={t('mcp.url')} hint={t('mcp.urlHint')}>
        <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <Field id={`${id}-auth`} label={t('mcp.auth')}>
        <select id={`${id}-auth`} value={auth} onChange={(e) => setAuth(e.target.value as McpAuthKind)}>
          <option value="none">{t('mcp.auth.none')}</option>
          <option value="bearer">{t('mcp.auth.bearer')}</option>
          <option value="header">{t('mcp.auth.header')}</option>
        </select>
      </Field>
      {auth === 'header' ? (
        <Field id={`${id}-header`} label={t('mcp.headerName')}>
          <input id={`${id}-header`} required value={headerName} onChange={(e) => setHeaderName(e.target.value)} />
        </Field>
      ) : null}
      {auth === 'none' ? null : (
        <Field
          id={`${id}-secret`}
          label={t(auth === 'bearer' ? 'mcp.token' : 'mcp.headerValue')}
          hint={server?.hasSecret ? t('mcp.secretKept') : t('mcp.secretHint')}
        >
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </Field>
      )}
      <label className="row">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('mcp.enabled')}
      </label>
      <div className="row">
        <button type="submit" disabled={save.state.status === 'running'}>
          {t('common.save')}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {save.state.status === 'failed' ? <ErrorMessage error={save.state.error} /> : null}
    </form>
  );
}
