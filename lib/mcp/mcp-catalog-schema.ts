import { z } from 'zod';
import { errorCodes } from '../messaging/errors';

// The protocol's serialized error, repeated here: the protocol imports this file, so this file cannot import it.
const errorSchema = z.object({
  name: z.literal('AsideError'),
  code: z.enum(errorCodes),
  message: z.string(),
  status: z.number().optional(),
  detail: z.string().optional(),
  params: z.record(z.string(), z.string().max(500)).optional(),
});

/** A resource a server lists, as the side panel offers it for attaching. */
export const mcpResourceItemSchema = z.object({
  uri: z.string().max(2048),
  name: z.string().max(200),
  title: z.string().max(200).optional(),
  mimeType: z.string().max(200).optional(),
});
export type McpResourceItem = z.infer<typeof mcpResourceItemSchema>;

/** A prompt a server lists, offered as an action; its arguments are asked for in a small form. */
export const mcpPromptItemSchema = z.object({
  name: z.string().max(200),
  title: z.string().max(200).optional(),
  description: z.string().max(1_000).optional(),
  arguments: z
    .array(
      z.object({
        name: z.string().max(100),
        description: z.string().max(1_000).optional(),
        required: z.boolean().optional(),
      }),
    )
    .max(20),
});
export type McpPromptItem = z.infer<typeof mcpPromptItemSchema>;

/** One enabled server's resources and prompts, or why they could not be listed. */
export const mcpCatalogEntrySchema = z.object({
  serverId: z.string().max(80),
  server: z.string().max(200),
  resources: z.array(mcpResourceItemSchema).max(100),
  prompts: z.array(mcpPromptItemSchema).max(50),
  error: errorSchema.optional(),
});
export type McpCatalogEntry = z.infer<typeof mcpCatalogEntrySchema>;

/** What a user-picked resource or prompt is, as the chat stream carries it. */
export const mcpResourcePickSchema = z.object({
  serverId: z.string().max(80),
  uri: z.string().min(1).max(2048),
  /** Its title or name as the panel showed it. */
  name: z.string().min(1).max(200),
});
export type McpResourcePick = z.infer<typeof mcpResourcePickSchema>;
export const mcpPromptPickSchema = z.object({
  serverId: z.string().max(80),
  name: z.string().min(1).max(200),
  arguments: z.record(z.string().max(100), z.string().max(10_000)).optional(),
});
export type McpPromptPick = z.infer<typeof mcpPromptPickSchema>;
