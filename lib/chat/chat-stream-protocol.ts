import { z } from 'zod';
import { pageContextInfoSchema } from '../capture/page-context';
import { fileLimits } from '../files/file-limits';
import { localFileSchema } from '../files/local-file';
import { mcpPromptPickSchema, mcpResourcePickSchema } from '../mcp/mcp-catalog-schema';
import { serializedErrorSchema } from '../messaging/protocol';
import { sourceSchema } from '../rag/citations';
import { skippedPageSchema } from '../search/skipped-page';
import { chatImagesSchema } from '../vision/chat-image';

/**
 * The chat stream: what the side panel sends to start a turn, and the events
 * the background streams back while the model answers.
 */
export const chatStartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('send'),
    conversationId: z.string().nullable(),
    text: z.string().min(1).max(200_000),
    /** A side-panel action to run on the tab's selection (or page); `text` is then its name. */
    actionId: z.string().min(1).max(100).optional(),
    /** The tab whose page goes into the prompt, or null when page context is off. */
    pageTabId: z.number().int().nullable(),
    profileId: z.string().optional(),
    model: z.string().optional(),
    /** Answer from the saved library (retrieved excerpts with citations) instead of the page. */
    library: z.boolean().optional(),
    /** Answer from a web search (result pages' excerpts with citations) instead of the page. */
    web: z.boolean().optional(),
    /** An MCP server's resource the user attached: read and sent with the question, wrapped as untrusted. */
    mcpResource: mcpResourcePickSchema.optional(),
    /** An MCP server's prompt the user ran (`text` is then its label): its messages are what is sent. */
    mcpPrompt: mcpPromptPickSchema.optional(),
    /** Screenshots and pictures sent with the question, already downscaled (lib/vision). */
    images: chatImagesSchema.optional(),
    /** Local files read in the panel, context for this chat only (stored with the question). */
    files: z.array(localFileSchema).max(fileLimits.maxFiles).optional(),
  }),
  z.object({
    kind: z.literal('regenerate'),
    conversationId: z.string(),
    pageTabId: z.number().int().nullable(),
    profileId: z.string().optional(),
    model: z.string().optional(),
    /** Answer from the saved library (retrieved excerpts with citations) instead of the page. */
    library: z.boolean().optional(),
    /** Answer from a web search (result pages' excerpts with citations) instead of the page. */
    web: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('edit'),
    conversationId: z.string(),
    messageId: z.string(),
    text: z.string().min(1).max(200_000),
    pageTabId: z.number().int().nullable(),
    profileId: z.string().optional(),
    model: z.string().optional(),
    /** Answer from the saved library (retrieved excerpts with citations) instead of the page. */
    library: z.boolean().optional(),
    /** Answer from a web search (result pages' excerpts with citations) instead of the page. */
    web: z.boolean().optional(),
  }),
]);
export type ChatStart = z.infer<typeof chatStartSchema>;

export const chatEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    conversationId: z.string(),
    userMessageId: z.string(),
    assistantMessageId: z.string(),
    model: z.string(),
  }),
  z.object({ type: z.literal('context'), context: pageContextInfoSchema }),
  /** The library excerpts the answer may cite; empty when nothing in the library matched. */
  z.object({ type: z.literal('sources'), sources: z.array(sourceSchema) }),
  /** A web question's progress: searching, reading result pages (n of total), picking passages. */
  z.object({
    type: z.literal('web'),
    stage: z.enum(['rewriting', 'searching', 'reading', 'ranking']),
    engine: z.string(),
    done: z.number().int().optional(),
    total: z.number().int().optional(),
  }),
  /** RAG-Fusion: the rewrites a library question was also searched with, and their cost (estimated: no usage sent). */
  z.object({
    type: z.literal('rewrites'),
    queries: z.array(z.string()),
    promptTokens: z.number(),
    completionTokens: z.number(),
    estimated: z.boolean(),
  }),
  /** A library question waits for the library's indexes to open (the first question after the background started). */
  z.object({ type: z.literal('library'), stage: z.literal('opening') }),
  /** Result pages of a web question that were not read, and why. */
  z.object({ type: z.literal('skipped'), skipped: z.array(skippedPageSchema) }),
  z.object({ type: z.literal('reasoning'), text: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  z.object({
    type: z.literal('retry'),
    /** The attempt that starts after the wait (2 for the first retry). */
    attempt: z.number().int(),
    maxAttempts: z.number().int(),
    delayMs: z.number().nonnegative(),
    error: serializedErrorSchema,
  }),
  z.object({ type: z.literal('usage'), promptTokens: z.number(), completionTokens: z.number() }),
  z.object({ type: z.literal('done'), finishReason: z.string().nullable() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema, partial: z.boolean() }),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;

/** Events after which nothing more arrives on the stream. */
export const isTerminalChatEvent = (event: ChatEvent): boolean =>
  event.type === 'done' || event.type === 'error' || event.type === 'stopped';
