import { z } from 'zod';
import { cardActionSchema } from '../actions/card-action';
import { promptAnswerSchema } from '../agent/prompt-answer';
import { capturedPageSchema, pageContextInfoSchema } from '../capture/page-context';
import { selectionCaptureSchema } from '../capture/selection';
import { localFileSchema } from '../files/local-file';
import { clipSchema, pageRecordSchema } from '../library/library-file';
import { mcpCatalogEntrySchema } from '../mcp/mcp-catalog-schema';
import { mcpServerDraftSchema, mcpServerSchema } from '../mcp/mcp-server-config';
import { pdfExtractionSchema } from '../pdf/pdf-extraction';
import { pdfLimits } from '../pdf/pdf-limits';
import { apiEngineIds, browserSites } from '../search/engines';
import { searchResultSchema } from '../search/search-result';
import { profileDraftSchema, profileSchema } from '../settings/profile';
import { errorCodes } from './errors';
import type { SenderKind } from './senders';

/**
 * Aside's one protocol. Every request between contexts is declared here once,
 * with zod schemas for both directions and **who may send it**: types come
 * from the schemas, and the receiving side checks the sender (as the browser
 * reports it) and then validates the payload, in one place
 * (lib/messaging/requests.ts). Deny by default: a sender kind not listed is
 * refused with `forbidden`, and a request declared without `senders` does not
 * compile. A content script is trusted with nothing but its own tab, which the
 * handler takes from the sender, never from the payload.
 */
// Extension pages forbid eval; without this zod would probe `new Function` at first parse.
z.config({ jitless: true });

const empty = z.object({});

/** Aside's own pages (side panel, options page). */
const pages = ['extensionPage'] as const;
/** A content script, acting on its own tab only. */
const contentScripts = ['contentScript'] as const;

/** Which backend ran the embedder, and when WebAssembly, why (lib/rag/embed-backend.ts). */
const backendUsedSchema = z.object({
  backend: z.enum(['webgpu', 'wasm', 'server']),
  wasmReason: z.enum(['setting', 'no-webgpu', 'webgpu-failed']).optional(),
  /** WebGPU's error, when it failed and the embedder fell back to WebAssembly. */
  webgpuError: z.string().optional(),
  /** WASM threads the embedder runs (more than 1 only when its page is cross-origin isolated). */
  threads: z.number().int().optional(),
});

/** Vectors from the embedder: `count × dims` L2-normalized float32 values, base64 (see lib/rag/vector-codec.ts). */
const embeddedSchema = backendUsedSchema.extend({
  modelId: z.string(),
  dims: z.number().int(),
  vectors: z.string(),
});

/** Requests handled by the background service worker. */
export const backgroundRequests = {
  'profiles.save': {
    senders: pages,
    request: z.object({
      profile: profileDraftSchema,
      /**
       * `undefined` keeps the stored key, `null` removes it. A stored key stays bound to the origin it was
       * saved for: moving a profile to another origin needs the key again (lib/settings/api-keys.ts).
       */
      apiKey: z.string().max(4096).nullable().optional(),
    }),
    response: z.object({ profile: profileSchema }),
  },
  'profiles.delete': { senders: pages, request: z.object({ id: z.string() }), response: empty },
  'profiles.activate': {
    senders: pages,
    request: z.object({ id: z.string(), model: z.string().optional() }),
    response: empty,
  },
  'provider.testConnection': {
    senders: pages,
    request: z.object({
      profile: profileDraftSchema,
      /** A key typed in the form; when absent the stored key of `profile.id` is used, on its own origin only. */
      apiKey: z.string().max(4096).optional(),
    }),
    response: z.object({ models: z.array(z.string()) }),
  },
  'provider.detectLocal': {
    senders: pages,
    request: empty,
    response: z.object({
      found: z.array(z.object({ presetId: z.string(), baseURL: z.string(), models: z.array(z.string()) })),
    }),
  },
  'page.preview': {
    senders: pages,
    request: z.object({ tabId: z.number().int() }),
    response: pageContextInfoSchema,
  },
  'conversations.rename': {
    senders: pages,
    request: z.object({ id: z.string(), title: z.string().min(1).max(200) }),
    response: empty,
  },
  'conversations.delete': { senders: pages, request: z.object({ id: z.string() }), response: empty },
  'library.saveTab': {
    senders: pages,
    request: z.object({ tabId: z.number().int() }),
    response: z.object({ outcome: z.enum(['saved', 'updated', 'unchanged']), id: z.string(), title: z.string() }),
  },
  /** The user has read the sender's page long enough for automatic saving; the background applies the rules. */
  'autosave.offer': {
    senders: contentScripts,
    request: z.object({ hasPasswordField: z.boolean() }),
    response: z.object({ saved: z.boolean(), reason: z.string().optional() }),
  },
  /** Whether the sender's page may be saved automatically, and after how long; null: do not watch it. */
  'autosave.watch': {
    senders: contentScripts,
    request: empty,
    response: z.object({ minReadSeconds: z.number().nullable() }),
  },
  /** A model's vector index in the background: size, and how long it took to open from IndexedDB (opens it if needed). */
  'rag.indexStats': {
    senders: pages,
    request: z.object({ modelId: z.string() }),
    response: z.object({ vectors: z.number(), dims: z.number(), loadMs: z.number().nullable() }),
  },
  /** Rates an answer (👍/👎, or null to clear): the ratings choose fine-tuning examples (lib/finetune). */
  'messages.rate': {
    senders: pages,
    request: z.object({ id: z.string(), rating: z.enum(['up', 'down']).nullable() }),
    response: empty,
  },
  // Fine-tuning data (issue 8): ratings, edits and versions of answers.
  /** Saves the user's rewrite of an answer (null: back to the model's text, which is always kept). */
  'messages.edit': {
    senders: pages,
    request: z.object({ id: z.string(), text: z.string().trim().min(1).max(400_000).nullable() }),
    response: empty,
  },
  /** Shows another version of a regenerated answer. */
  'messages.showVersion': {
    senders: pages,
    request: z.object({ id: z.string(), version: z.number().int().min(1) }),
    response: empty,
  },
  /** Rates an agent or team run's final answer (null clears). */
  'runs.rate': {
    senders: pages,
    request: z.object({ id: z.string(), rating: z.enum(['up', 'down']).nullable() }),
    response: empty,
  },
  /** Stops an agent or team run going on in the background (its panel closed and a new one opened it). */
  'runs.stop': { senders: pages, request: z.object({ id: z.string() }), response: z.object({ stopped: z.boolean() }) },
  /** Saves the user's rewrite of a run's final answer (null: back to the original). */
  'runs.editFinal': {
    senders: pages,
    request: z.object({ id: z.string(), text: z.string().trim().min(1).max(400_000).nullable() }),
    response: empty,
  },
  /**
   * From the in-page card: rates the answer of one of this tab's action runs. The first rating stores the
   * exchange as an action's conversation (fine-tuning data). The background uses its own copy of the
   * prompt and answer (lib/actions/card-runs.ts): the page cannot put words in either.
   */
  'actions.rateCard': {
    senders: contentScripts,
    request: z.object({ runId: z.string().max(100), rating: z.enum(['up', 'down']).nullable() }),
    response: empty,
  },
  /** The indexing queue of library questions: pause, resume, cancel, or retry what failed or was cancelled. */
  'ingest.control': {
    senders: pages,
    request: z.object({ action: z.enum(['pause', 'resume', 'cancel', 'retry']) }),
    response: empty,
  },
  'library.saveSelection': {
    senders: pages,
    request: z.object({ tabId: z.number().int() }),
    response: z.object({ clipId: z.string(), pageId: z.string() }),
  },
  'library.setTags': {
    senders: pages,
    request: z.object({ id: z.string(), tags: z.array(z.string().min(1).max(60)).max(50) }),
    response: empty,
  },
  'library.delete': {
    senders: pages,
    request: z.object({ ids: z.array(z.string()).min(1) }),
    response: z.object({ pages: z.array(pageRecordSchema), clips: z.array(clipSchema) }),
  },
  'library.restore': {
    senders: pages,
    request: z.object({ pages: z.array(pageRecordSchema), clips: z.array(clipSchema) }),
    response: empty,
  },
  'library.import': {
    senders: pages,
    request: z.object({ text: z.string().max(500_000_000) }),
    response: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
  },
  // Embedded mode (issue 6): what the in-page toolbar and card ask of the background.
  /** Injects the toolbar and card script into the sender's frame, on its first use there. */
  'embedded.injectUi': { senders: contentScripts, request: empty, response: empty },
  /** Opens the side panel of the sender's tab with the selection quoted in the composer (not sent). */
  'actions.askInPanel': {
    senders: contentScripts,
    request: z.object({ selection: z.string().max(200_000) }),
    response: empty,
  },
  /** Saves the sender tab's selection as a library clip. */
  'actions.saveSelection': {
    senders: contentScripts,
    request: empty,
    response: z.object({ clipId: z.string(), pageId: z.string() }),
  },
  /** Carries one of this tab's card runs (the background's copy of it) into a new conversation in the side panel. */
  'actions.continueInPanel': {
    senders: contentScripts,
    request: z.object({ runId: z.string().max(100) }),
    response: z.object({ conversationId: z.string() }),
  },
  /**
   * "Always for this site" on the card's link consent: opens Aside's options page, where only the user's
   * click grants it. The token names a link the user picked from the browser's menu in this tab.
   */
  'actions.requestLinkGrant': {
    senders: contentScripts,
    request: z.object({ linkToken: z.string().max(100) }),
    response: empty,
  },
  /** The options page's view of a pending link grant (see actions.requestLinkGrant). */
  'consent.pendingLinkGrant': {
    senders: pages,
    request: z.object({ linkToken: z.string().max(100) }),
    response: z.object({ url: z.string(), site: z.string() }).nullable(),
  },
  /** The user allowed, in the options page, reading links of a site without asking. */
  'consent.grantLinkSite': { senders: pages, request: z.object({ linkToken: z.string().max(100) }), response: empty },
  // MCP servers (issue 15): the options page saves, removes and checks them; tool policies go through settings.set.
  /**
   * Saves a server. `secret` (a bearer token or the custom header's value): `undefined` keeps the stored one,
   * `null` removes it; a stored one stays bound to the origin it was saved for (lib/mcp/mcp-servers.ts).
   */
  'mcp.saveServer': {
    senders: pages,
    request: z.object({ server: mcpServerDraftSchema, secret: z.string().min(1).max(8192).nullable().optional() }),
    response: z.object({ server: mcpServerSchema }),
  },
  'mcp.deleteServer': { senders: pages, request: z.object({ id: z.string().max(80) }), response: empty },
  /** Connects, lists the tools and records the server's status (read by the page from IndexedDB). */
  'mcp.check': {
    senders: pages,
    request: z.object({ id: z.string().max(80) }),
    response: z.object({ state: z.enum(['ok', 'error']) }),
  },
  /**
   * Writes one setting that decides security (lib/settings/secure-settings.ts), from Aside's pages: the
   * background stores it (parsed with its schema) and its watchers see it at once.
   */
  /** Stores (or with null removes) a web search engine's key, bound to the origin of its current address. */
  'search.saveKey': {
    senders: pages,
    request: z.object({ engine: z.enum(apiEngineIds), key: z.string().trim().max(4096).nullable() }),
    response: empty,
  },
  /** Which search engines have a saved key, and the origin each key is bound to (never the key itself). */
  'search.keyOrigins': {
    senders: pages,
    request: empty,
    response: z.object({ origins: z.partialRecord(z.enum(apiEngineIds), z.string()) }),
  },
  'settings.set': {
    senders: pages,
    request: z.object({ key: z.string().max(100), value: z.unknown() }),
    response: empty,
  },
  /** `confirm: true` so that no stray message can wipe the user's data. */
  'data.deleteEverything': { senders: pages, request: z.object({ confirm: z.literal(true) }), response: empty },
  // Local embeddings (RAG embedder)
  /** Embeds texts with the configured model; vectors as base64 float32 (lib/rag/vector-codec.ts). */
  'embedder.embed': {
    senders: pages,
    request: z.object({
      texts: z.array(z.string()).max(4096),
      kind: z.enum(['query', 'passage']),
      batchSize: z.number().int().min(1).max(256).optional(),
    }),
    response: embeddedSchema,
  },
  /** Downloads (or opens from cache) the configured model and embeds a probe text: the options page's test button. */
  'embedder.prepare': { senders: pages, request: empty, response: embeddedSchema },
  /** From the offscreen embedder host: download progress of the model files. */
  'embedder.progress': {
    senders: ['offscreen'],
    request: z.object({ files: z.array(z.object({ file: z.string(), loaded: z.number(), total: z.number() })) }),
    response: empty,
  },
  /** Agent mode: the side panel's answer to a question or consent prompt of a running run, or the sandbox's result. */
  'agent.respond': {
    senders: pages,
    request: z.object({ promptId: z.string(), answer: promptAnswerSchema }),
    response: z.object({ delivered: z.boolean() }),
  },
  /** Team runs: the user steps in; the next member to speak reads it. */
  'team.interject': {
    senders: pages,
    request: z.object({ runId: z.string(), text: z.string().trim().min(1).max(20_000) }),
    response: z.object({ delivered: z.boolean() }),
  },
  /** Team runs (task list): the user's edited list of pending tasks, in order, replacing the current one. */
  'team.setTasks': {
    senders: pages,
    request: z.object({
      runId: z.string(),
      tasks: z.array(z.object({ id: z.string().optional(), text: z.string().trim().min(1).max(2_000) })).max(100),
    }),
    response: z.object({ delivered: z.boolean() }),
  },
  /** The side panel: every enabled MCP server's resources (to attach) and prompts (to run), or why not. */
  'mcp.catalog': { senders: pages, request: empty, response: z.object({ servers: z.array(mcpCatalogEntrySchema) }) },
  // Embeddings and reranking on a server (lib/rag/server-keys.ts)
  /** Stores (or with null removes) the embeddings or rerank server's key, bound to the origin of its address. */
  'embedder.saveKey': {
    senders: pages,
    request: z.object({ kind: z.enum(['embedding', 'rerank']), key: z.string().trim().max(4096).nullable() }),
    response: empty,
  },
  /** The origin each server key is bound to (never the key itself). */
  'embedder.keyOrigins': {
    senders: pages,
    request: empty,
    response: z.object({ origins: z.partialRecord(z.enum(['embedding', 'rerank']), z.string()) }),
  },
  // Local files (issue 14): the panel reads them; pdf.js runs in the offscreen document, the library is written here.
  /** Extracts a local PDF the panel read (base64 bytes) with pdf.js, as for a PDF in a tab. */
  'files.extractPdf': {
    senders: pages,
    request: z.object({ data: z.string().max(Math.ceil(pdfLimits.maxBytes / 3) * 4) }),
    response: pdfExtractionSchema,
  },
  /** Saves a local file the panel read into the library (title: its name; no URL). */
  'library.saveFile': {
    senders: pages,
    request: z.object({ file: localFileSchema }),
    response: z.object({ outcome: z.enum(['saved', 'updated', 'unchanged']), id: z.string(), title: z.string() }),
  },
  /**
   * Opens the library's search indexes in the background ahead of a question (the side panel, when it shows
   * the Library scope), so the first question after a service worker start does not wait for them.
   * `opened`: false when the library has nothing indexed.
   */
  'library.open': { senders: pages, request: empty, response: z.object({ opened: z.boolean() }) },
} as const satisfies RequestMap;

/** Where and how the offscreen worker loads a model (the embedder's and the cross-encoder's alike). */
const modelConfigSchema = z.object({
  modelId: z.string().min(1),
  remoteHost: z.string().nullable(),
  localModelPath: z.string().optional(),
  dtype: z.enum(['q8', 'fp32']),
});

/** Requests handled by the offscreen document (Chrome): the embedder and pdf.js; only the background may send them. */
export const offscreenRequests = {
  'offscreen.embed': {
    senders: ['background'],
    request: z.object({
      config: modelConfigSchema,
      /** The user's backend setting: WebGPU when there is an adapter (`auto`), or WebAssembly only. */
      prefer: z.enum(['auto', 'wasm']).optional(),
      texts: z.array(z.string()).max(4096),
      batchSize: z.number().int().min(1).max(256).optional(),
    }),
    response: backendUsedSchema.extend({ dims: z.number().int(), vectors: z.string() }),
  },
  /** Web search: a fetched result page's main text (Readability needs the DOM this document has). */
  'offscreen.readable': {
    senders: ['background'],
    request: z.object({ html: z.string().max(4_000_000), url: z.string().max(8192) }),
    response: z.object({ title: z.string(), markdown: z.string(), lang: z.string().nullable() }),
  },
  /** Extracts a PDF's text (base64 bytes the background fetched from the tab's URL) with pdf.js. */
  'offscreen.extractPdf': {
    senders: ['background'],
    request: z.object({
      data: z.string().max(Math.ceil(pdfLimits.maxBytes / 3) * 4),
      maxPages: z.number().int().min(1).max(pdfLimits.maxPages),
    }),
    response: pdfExtractionSchema,
  },
  /** In-browser reranking (issue 17): a cross-encoder's relevance of each excerpt to the question, in input order. */
  'offscreen.rerank': {
    senders: ['background'],
    request: z.object({
      config: modelConfigSchema,
      query: z.string().max(20_000),
      passages: z.array(z.string().max(50_000)).max(100),
    }),
    response: z.object({ scores: z.array(z.number()) }),
  },
} as const satisfies RequestMap;

/** Requests handled by the content script in a tab; only the background may send them. */
export const tabRequests = {
  'page.capture': { senders: ['background'], request: empty, response: capturedPageSchema },
  /** The current selection with its paragraph and headings, or null when nothing is selected. */
  'page.selection': { senders: ['background'], request: empty, response: selectionCaptureSchema.nullable() },
  /** No-key web search: the results of the search site's page in this tab (a background tab Aside opened). */
  'search.readResults': {
    senders: ['background'],
    request: z.object({ site: z.enum(browserSites) }),
    response: z.object({ results: z.array(searchResultSchema).max(100), blocked: z.boolean() }),
  },
  /** Embedded mode: run an action in the page's card (from a context menu or the keyboard command). */
  'embedded.run': {
    senders: ['background'],
    request: z.object({
      action: cardActionSchema,
      /** The menu's idea of the selection, used when the page's own selection is gone. */
      selectionText: z.string().optional(),
      /** "Ask Aside about this link": the link the user picked in the browser's menu, and its token. */
      link: z.object({ url: z.string(), token: z.string() }).optional(),
    }),
    response: empty,
  },
} as const satisfies RequestMap;

export interface RequestSpec {
  /** Who may send it; everyone else gets `forbidden` before the payload is even parsed. */
  readonly senders: readonly SenderKind[];
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
  params: z.record(z.string(), z.string().max(500)).optional(),
});
