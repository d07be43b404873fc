import { z } from 'zod';
import { promptAnswerSchema } from '../agent/prompt-answer';
import { capturedPageSchema, pageContextInfoSchema } from '../capture/page-context';
import { selectionCaptureSchema } from '../capture/selection';
import { clipSchema, pageRecordSchema } from '../library/library-file';
import { profileDraftSchema, profileSchema } from '../settings/profile';
import { errorCodes } from './errors';

/**
 * Aside's one protocol. Every request between contexts is declared here once,
 * with zod schemas for both directions: types come from the schemas, and the
 * receiving side validates at the boundary (lib/messaging/requests.ts).
 */
// Extension pages forbid eval; without this zod would probe `new Function` at first parse.
z.config({ jitless: true });

const empty = z.object({});

/** Vectors from the embedder: `count × dims` L2-normalized float32 values, base64 (see lib/rag/vector-codec.ts). */
const embeddedSchema = z.object({
  modelId: z.string(),
  dims: z.number().int(),
  vectors: z.string(),
  backend: z.enum(['webgpu', 'wasm']),
  /** WASM threads the embedder runs (more than 1 only when its page is cross-origin isolated). */
  threads: z.number().int().optional(),
});

/** Requests handled by the background service worker. */
export const backgroundRequests = {
  'profiles.save': {
    request: z.object({
      profile: profileDraftSchema,
      /** `undefined` keeps the stored key, `null` removes it. */
      apiKey: z.string().max(4096).nullable().optional(),
    }),
    response: z.object({ profile: profileSchema }),
  },
  'profiles.delete': { request: z.object({ id: z.string() }), response: empty },
  'profiles.activate': { request: z.object({ id: z.string(), model: z.string().optional() }), response: empty },
  'provider.testConnection': {
    request: z.object({
      profile: profileDraftSchema,
      /** A key typed in the form; when absent the stored key of `profile.id` is used. */
      apiKey: z.string().max(4096).optional(),
    }),
    response: z.object({ models: z.array(z.string()) }),
  },
  'provider.detectLocal': {
    request: empty,
    response: z.object({
      found: z.array(z.object({ presetId: z.string(), baseURL: z.string(), models: z.array(z.string()) })),
    }),
  },
  'page.preview': {
    request: z.object({ tabId: z.number().int() }),
    response: pageContextInfoSchema,
  },
  'conversations.rename': { request: z.object({ id: z.string(), title: z.string().min(1).max(200) }), response: empty },
  'conversations.delete': { request: z.object({ id: z.string() }), response: empty },
  'library.saveTab': {
    request: z.object({ tabId: z.number().int() }),
    response: z.object({ outcome: z.enum(['saved', 'updated', 'unchanged']), id: z.string(), title: z.string() }),
  },
  /** From a content script: the user has read this page long enough for automatic saving. */
  'autosave.offer': {
    request: z.object({ hasPasswordField: z.boolean() }),
    response: z.object({ saved: z.boolean(), reason: z.string().optional() }),
  },
  /** A model's vector index in the background: size, and how long it took to open from IndexedDB (opens it if needed). */
  'rag.indexStats': {
    request: z.object({ modelId: z.string() }),
    response: z.object({ vectors: z.number(), dims: z.number(), loadMs: z.number().nullable() }),
  },
  /** Rates an answer (👍/👎, or null to clear): the ratings choose fine-tuning examples (lib/finetune). */
  'messages.rate': {
    request: z.object({ id: z.string(), rating: z.enum(['up', 'down']).nullable() }),
    response: empty,
  },
  // Fine-tuning data (issue 8): ratings, edits and versions of answers.
  /** Saves the user's rewrite of an answer (null: back to the model's text, which is always kept). */
  'messages.edit': {
    request: z.object({ id: z.string(), text: z.string().trim().min(1).max(400_000).nullable() }),
    response: empty,
  },
  /** Shows another version of a regenerated answer. */
  'messages.showVersion': { request: z.object({ id: z.string(), version: z.number().int().min(1) }), response: empty },
  /** Rates an agent or team run's final answer (null clears). */
  'runs.rate': { request: z.object({ id: z.string(), rating: z.enum(['up', 'down']).nullable() }), response: empty },
  /** Stops an agent or team run going on in the background (its panel closed and a new one opened it). */
  'runs.stop': { request: z.object({ id: z.string() }), response: z.object({ stopped: z.boolean() }) },
  /** Saves the user's rewrite of a run's final answer (null: back to the original). */
  'runs.editFinal': {
    request: z.object({ id: z.string(), text: z.string().trim().min(1).max(400_000).nullable() }),
    response: empty,
  },
  /** From the in-page card: the first rating of its answer stores the exchange as an action's conversation. */
  'actions.rateCard': {
    request: z.object({
      question: z.string().max(400_000),
      prompt: z.string().min(1).max(2_000_000),
      answer: z.string().min(1).max(400_000),
      model: z.string().max(200),
      rating: z.enum(['up', 'down']),
    }),
    response: z.object({ messageId: z.string() }),
  },
  /** The indexing queue of library questions: pause, resume, cancel, or retry what failed or was cancelled. */
  'ingest.control': {
    request: z.object({ action: z.enum(['pause', 'resume', 'cancel', 'retry']) }),
    response: empty,
  },
  'library.saveSelection': {
    request: z.object({ tabId: z.number().int() }),
    response: z.object({ clipId: z.string(), pageId: z.string() }),
  },
  'library.setTags': {
    request: z.object({ id: z.string(), tags: z.array(z.string().min(1).max(60)).max(50) }),
    response: empty,
  },
  'library.delete': {
    request: z.object({ ids: z.array(z.string()).min(1) }),
    response: z.object({ pages: z.array(pageRecordSchema), clips: z.array(clipSchema) }),
  },
  'library.restore': {
    request: z.object({ pages: z.array(pageRecordSchema), clips: z.array(clipSchema) }),
    response: empty,
  },
  'library.import': {
    request: z.object({ text: z.string().max(500_000_000) }),
    response: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
  },
  // Embedded mode (issue 6): what the in-page toolbar and card ask of the background.
  /** Injects the toolbar and card script into the sender's frame, on its first use there. */
  'embedded.injectUi': { request: empty, response: empty },
  /** Opens the side panel with the selection quoted in the composer. */
  'actions.askInPanel': { request: z.object({ selection: z.string().max(200_000) }), response: empty },
  /** Saves the sender tab's selection as a library clip. */
  'actions.saveSelection': { request: empty, response: z.object({ clipId: z.string(), pageId: z.string() }) },
  /** Carries a card's exchange into a new conversation and opens the side panel on it. */
  'actions.continueInPanel': {
    request: z.object({
      question: z.string().max(400_000),
      prompt: z.string().max(2_000_000),
      answer: z.string().max(400_000),
    }),
    response: z.object({ conversationId: z.string() }),
  },
  /** `confirm: true` so that no stray message can wipe the user's data. */
  'data.deleteEverything': { request: z.object({ confirm: z.literal(true) }), response: empty },
  // Local embeddings (RAG embedder)
  /** Embeds texts with the configured model; vectors as base64 float32 (lib/rag/vector-codec.ts). */
  'embedder.embed': {
    request: z.object({
      texts: z.array(z.string()).max(4096),
      kind: z.enum(['query', 'passage']),
      batchSize: z.number().int().min(1).max(256).optional(),
    }),
    response: embeddedSchema,
  },
  /** Downloads (or opens from cache) the configured model and embeds a probe text: the options page's test button. */
  'embedder.prepare': { request: empty, response: embeddedSchema },
  /** From the offscreen embedder host: download progress of the model files. */
  'embedder.progress': {
    request: z.object({ files: z.array(z.object({ file: z.string(), loaded: z.number(), total: z.number() })) }),
    response: empty,
  },
  /** Agent mode: the side panel's answer to a question or consent prompt of a running run. */
  'agent.respond': {
    request: z.object({ promptId: z.string(), answer: promptAnswerSchema }),
    response: z.object({ delivered: z.boolean() }),
  },
  /** Team runs: the user steps in; the next member to speak reads it. */
  'team.interject': {
    request: z.object({ runId: z.string(), text: z.string().trim().min(1).max(20_000) }),
    response: z.object({ delivered: z.boolean() }),
  },
  /** Team runs (task list): the user's edited list of pending tasks, in order, replacing the current one. */
  'team.setTasks': {
    request: z.object({
      runId: z.string(),
      tasks: z.array(z.object({ id: z.string().optional(), text: z.string().trim().min(1).max(2_000) })).max(100),
    }),
    response: z.object({ delivered: z.boolean() }),
  },
} as const;

/** Requests handled by the embedder host (the offscreen document on Chrome). */
export const offscreenRequests = {
  'offscreen.embed': {
    request: z.object({
      config: z.object({
        modelId: z.string().min(1),
        remoteHost: z.string().nullable(),
        localModelPath: z.string().optional(),
        dtype: z.enum(['q8', 'fp32']),
      }),
      texts: z.array(z.string()).max(4096),
      batchSize: z.number().int().min(1).max(256).optional(),
    }),
    response: z.object({
      dims: z.number().int(),
      vectors: z.string(),
      backend: z.enum(['webgpu', 'wasm']),
      threads: z.number().int().optional(),
    }),
  },
} as const;

/** Requests handled by the content script in a tab. */
export const tabRequests = {
  'page.capture': { request: empty, response: capturedPageSchema },
  /** The current selection with its paragraph and headings, or null when nothing is selected. */
  'page.selection': { request: empty, response: selectionCaptureSchema.nullable() },
  /** Embedded mode: run an action in the page's card (from a context menu or the keyboard command). */
  'embedded.run': {
    request: z.object({
      actionId: z.string(),
      /** The menu's idea of the selection, used when the page's own selection is gone. */
      selectionText: z.string().optional(),
      linkUrl: z.string().optional(),
    }),
    response: empty,
  },
} as const;

export interface RequestSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}
export type RequestMap = Record<string, RequestSpec>;
export type BackgroundRequests = typeof backgroundRequests;
export type TabRequests = typeof tabRequests;
export type OffscreenRequests = typeof offscreenRequests;
export type RequestOf<M extends RequestMap, K extends keyof M> = z.input<M[K]['request']>;
/** A request after validation (defaults applied). */
export type ParsedRequestOf<M extends RequestMap, K extends keyof M> = z.output<M[K]['request']>;
export type ResponseOf<M extends RequestMap, K extends keyof M> = z.output<M[K]['response']>;

export const serializedErrorSchema = z.object({
  name: z.literal('AsideError'),
  code: z.enum(errorCodes),
  message: z.string(),
  status: z.number().optional(),
  detail: z.string().optional(),
});
