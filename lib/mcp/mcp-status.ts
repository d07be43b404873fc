import { z } from 'zod';
import { serializedErrorSchema } from '../messaging/protocol';

/** One tool as the options page and the team editor show it; `problem` says why it is left out. */
export const mcpToolStatusSchema = z.object({
  name: z.string().max(200),
  qualifiedName: z.string().max(64),
  title: z.string().max(200).optional(),
  description: z.string().max(1_000),
  problem: z.string().max(1_000).optional(),
});
export type McpToolStatus = z.infer<typeof mcpToolStatusSchema>;

/**
 * What Aside last learned from a server, written by the background only:
 * whether it answered, how, its tools (kept from the last good listing
 * while it fails), and the last error with its time.
 */
export const mcpServerStatusSchema = z.object({
  state: z.enum(['ok', 'error']),
  checkedAt: z.number(),
  transport: z.enum(['streamable-http', 'sse']).optional(),
  tools: z.array(mcpToolStatusSchema).max(200),
  lastError: z.object({ error: serializedErrorSchema, at: z.number() }).optional(),
});
export type McpServerStatus = z.infer<typeof mcpServerStatusSchema>;

/** Statuses by server id. */
export const mcpStatusesSchema = z.record(z.string().max(80), mcpServerStatusSchema);
