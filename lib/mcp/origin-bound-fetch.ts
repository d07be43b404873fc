import { AsideError } from '../messaging/errors';

/** The fetch the MCP SDK's transports accept. */
export type McpFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * A fetch for one MCP server that sends only to that server's origin, adds
 * the server's credentials there and nowhere else, and sends no cookies. The
 * SDK's transports already refuse redirects to other origins and an SSE
 * `endpoint` event naming another origin; this keeps a token bound to its
 * origin in Aside's own code too (like provider keys, lib/settings/api-keys.ts).
 * Redirects are refused outright: the browser drops `Authorization` on a
 * cross-origin redirect but not a custom header, and a service worker cannot
 * see where a redirect leads before following it.
 */
export function originBoundFetch(serverUrl: URL, headers: Readonly<Record<string, string>>): McpFetch {
  return async (url, init) => {
    const target = new URL(url);
    if (target.origin !== serverUrl.origin) {
      throw new AsideError('mcp-protocol', `The MCP server sent Aside to another site (${target.origin}).`, {
        detail: `${serverUrl.origin} → ${target.origin}`,
      });
    }
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return fetch(target, { ...init, headers: merged, credentials: 'omit', redirect: 'error' });
  };
}
