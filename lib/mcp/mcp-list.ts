import { z } from 'zod';
import type { McpConnection } from './mcp-connect';
import { qualifiedToolName } from './mcp-tool-names';
import { withRequestSignal } from './request-signal';
import { checkInputSchema, type InputSchemaCheck } from './tool-input-schema';

/** One tool a server lists, checked: usable (with its validator) or left out with the reason. */
export interface ListedTool {
  /** Its name on the server. */
  readonly name: string;
  /** What the model calls it: `<slug>__<name>`. */
  readonly qualifiedName: string;
  readonly title?: string;
  readonly description: string;
  readonly check: InputSchemaCheck;
}

/** How long one listing request may take. */
export const listTimeoutMs = 10_000;
const maxTools = 200;
const maxPages = 10;
const descriptionChars = 1_000;

// Read leniently: one malformed tool must not make the SDK's strict schema refuse the whole list.
const pageSchema = z.object({ tools: z.array(z.unknown()), nextCursor: z.string().optional() });
const toolSchema = z.object({
  name: z.string().min(1).max(128),
  title: z.string().max(200).optional(),
  description: z.string().optional(),
  inputSchema: z.unknown(),
});

function readTool(raw: unknown, slug: string, seen: Set<string>): ListedTool {
  const parsed = toolSchema.safeParse(raw);
  if (!parsed.success) {
    const name = typeof (raw as { name?: unknown })?.name === 'string' ? String((raw as { name: string }).name) : '?';
    return { name, qualifiedName: '', description: '', check: { ok: false, problem: 'the tool has no valid name' } };
  }
  const { name, title, description = '', inputSchema } = parsed.data;
  const qualifiedName = qualifiedToolName(slug, name);
  const clash = seen.has(qualifiedName);
  seen.add(qualifiedName);
  return {
    name,
    qualifiedName,
    ...(title ? { title } : {}),
    description: description.slice(0, descriptionChars),
    check: clash
      ? { ok: false, problem: `its name clashes with another tool's (${qualifiedName})` }
      : checkInputSchema(inputSchema),
  };
}

/** Every tool the server lists (following pages), each checked on its own. */
export async function listTools(connection: McpConnection, slug: string, signal: AbortSignal): Promise<ListedTool[]> {
  const tools: ListedTool[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages && tools.length < maxTools; page++) {
    const params = cursor ? { cursor } : {};
    const result = await withRequestSignal(signal, (own) =>
      connection.client.request({ method: 'tools/list', params }, pageSchema, { signal: own, timeout: listTimeoutMs }),
    );
    for (const raw of result.tools.slice(0, maxTools - tools.length)) tools.push(readTool(raw, slug, seen));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}
