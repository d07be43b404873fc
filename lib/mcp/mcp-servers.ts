import { AsideError } from '../messaging/errors';
import { getApiKey, keyOrigin, setApiKey, storedKeyOrigin } from '../settings/api-keys';
import { mcpServersItem, mcpStatusItem } from '../settings/secure-settings';
import type { McpTarget } from './mcp-connect';
import type { McpServer, McpServerDraft } from './mcp-server-config';
import { serverSlug } from './mcp-tool-names';

/** A server's token is kept with the API keys (bound to its origin), under this id. */
const secretId = (serverId: string) => `mcp:${serverId}`;

/**
 * Saves a server (new or existing) and, when given, its token or header value.
 * Background only. Like a provider key, a stored token stays with the origin
 * it was saved for: moving the server to another origin without giving the
 * token again is refused.
 */
export async function saveMcpServer(draft: McpServerDraft, secret: string | null | undefined): Promise<McpServer> {
  const servers = await mcpServersItem.getValue();
  const id = draft.id ?? crypto.randomUUID();
  const previous = servers.find((server) => server.id === id);
  if (draft.auth === 'header' && !draft.headerName) {
    throw new AsideError('invalid-message', 'A custom header needs a name.');
  }
  const keepsSecret = secret === undefined && draft.auth !== 'none' && previous?.hasSecret === true;
  if (keepsSecret) {
    const bound = await storedKeyOrigin(secretId(id));
    if (bound && bound !== keyOrigin(draft.url)) {
      throw new AsideError('key-origin', `The token of ${previous.name} was saved for ${bound}; enter it again.`);
    }
  }
  // No credentials: none is kept, so none can ever be sent.
  const stored = draft.auth === 'none' ? null : secret;
  if (stored !== undefined) await setApiKey(secretId(id), stored, draft.url);
  const server: McpServer = {
    id,
    name: draft.name,
    slug:
      previous?.slug ??
      serverSlug(
        draft.name,
        servers.map((each) => each.slug),
      ),
    url: draft.url,
    enabled: draft.enabled,
    auth: draft.auth,
    ...(draft.auth === 'header' && draft.headerName ? { headerName: draft.headerName } : {}),
    hasSecret: stored === undefined ? keepsSecret : Boolean(stored),
    policies: previous?.policies ?? {},
  };
  await mcpServersItem.update((current) =>
    current.some((each) => each.id === id)
      ? current.map((each) => (each.id === id ? server : each))
      : [...current, server],
  );
  return server;
}

/** Removes a server, its token and its status. */
export async function deleteMcpServer(id: string): Promise<void> {
  await mcpServersItem.update((current) => current.filter((server) => server.id !== id));
  await setApiKey(secretId(id), null);
  await mcpStatusItem.update(({ [id]: _gone, ...rest }) => rest);
}

/**
 * Where and how to reach a server: its URL and the credential header, read
 * for that URL's origin only (a token saved for another origin is refused).
 */
export async function mcpTarget(server: McpServer): Promise<McpTarget> {
  const base = { name: server.name, url: server.url };
  if (server.auth === 'none' || !server.hasSecret) return { ...base, headers: {} };
  let secret: string | undefined;
  try {
    secret = await getApiKey({ id: secretId(server.id), baseURL: server.url });
  } catch (error) {
    const refused = AsideError.from(error);
    throw new AsideError('key-origin', `The token of the MCP server «${server.name}» was saved for another site.`, {
      ...(refused.detail ? { detail: refused.detail } : {}),
    });
  }
  if (!secret) return { ...base, headers: {} };
  const header = server.auth === 'bearer' ? 'Authorization' : (server.headerName ?? 'Authorization');
  return { ...base, headers: { [header]: server.auth === 'bearer' ? `Bearer ${secret}` : secret } };
}
