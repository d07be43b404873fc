import { AsideError } from '../messaging/errors';
import { mcpServersItem } from '../settings/secure-settings';
import type { McpCatalogEntry, McpPromptItem, McpResourceItem } from './mcp-catalog-schema';
import type { McpConnection } from './mcp-connect';
import { listTimeoutMs } from './mcp-list';
import type { McpServer } from './mcp-server-config';
import { withRequestSignal } from './request-signal';
import { withMcpServer } from './with-mcp-server';

const maxPages = 5;
const maxResources = 100;
const maxPrompts = 50;
const clip = (text: string | undefined, max: number) => (text ? { value: text.slice(0, max) } : null);

/** Follows a listing's pages up to a limit, as `tools/list` does (lib/mcp/mcp-list.ts). */
async function allPages<T>(
  limit: number,
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages && items.length < limit; n++) {
    const result = await page(cursor);
    items.push(...result.items.slice(0, limit - items.length));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Exported for tests: a listed resource, trimmed to what the panel shows. */
export function resourceItem(raw: { uri: string; name: string; title?: string; mimeType?: string }): McpResourceItem {
  const title = clip(raw.title, 200);
  const mimeType = clip(raw.mimeType, 200);
  return {
    uri: raw.uri.slice(0, 2048),
    name: raw.name.slice(0, 200),
    ...(title ? { title: title.value } : {}),
    ...(mimeType ? { mimeType: mimeType.value } : {}),
  };
}

/** Exported for tests: a listed prompt, trimmed to what the panel shows and asks. */
export function promptItem(raw: {
  name: string;
  title?: string;
  description?: string;
  arguments?: { name: string; description?: string; required?: boolean }[];
}): McpPromptItem {
  const title = clip(raw.title, 200);
  const description = clip(raw.description, 1_000);
  return {
    name: raw.name.slice(0, 200),
    ...(title ? { title: title.value } : {}),
    ...(description ? { description: description.value } : {}),
    arguments: (raw.arguments ?? []).slice(0, 20).map((argument) => {
      const about = clip(argument.description, 1_000);
      return {
        name: argument.name.slice(0, 100),
        ...(about ? { description: about.value } : {}),
        ...(argument.required ? { required: true } : {}),
      };
    }),
  };
}

async function listCatalog(connection: McpConnection, signal: AbortSignal) {
  const options = (own: AbortSignal) => ({ signal: own, timeout: listTimeoutMs });
  // A server lists only what it declared at initialize; asking for the rest would be an error.
  const capabilities = connection.client.getServerCapabilities() ?? {};
  const resources = capabilities.resources
    ? await allPages(maxResources, async (cursor) => {
        const params = cursor ? { cursor } : {};
        const page = await withRequestSignal(signal, (own) => connection.client.listResources(params, options(own)));
        return { items: page.resources.map(resourceItem), nextCursor: page.nextCursor };
      })
    : [];
  const prompts = capabilities.prompts
    ? await allPages(maxPrompts, async (cursor) => {
        const params = cursor ? { cursor } : {};
        const page = await withRequestSignal(signal, (own) => connection.client.listPrompts(params, options(own)));
        return { items: page.prompts.map(promptItem), nextCursor: page.nextCursor };
      })
    : [];
  return { resources, prompts };
}

async function catalogOf(server: McpServer, signal: AbortSignal): Promise<McpCatalogEntry> {
  const entry = { serverId: server.id, server: server.name };
  try {
    return { ...entry, ...(await withMcpServer(server, signal, (connection) => listCatalog(connection, signal))) };
  } catch (error) {
    const failed = AsideError.from(error);
    if (failed.code === 'cancelled') throw failed;
    return { ...entry, resources: [], prompts: [], error: failed.toJSON() };
  }
}

/**
 * The resources and prompts of every enabled server, asked of all at once.
 * A server that fails says why and costs the others nothing. Templates of
 * resources (which need values filled in) are not listed.
 */
export async function mcpCatalog(signal: AbortSignal): Promise<McpCatalogEntry[]> {
  const servers = (await mcpServersItem.getValue()).filter((server) => server.enabled);
  return Promise.all(servers.map((server) => catalogOf(server, signal)));
}
