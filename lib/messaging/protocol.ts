import { z } from 'zod';
import { capturedPageSchema, pageContextInfoSchema } from '../capture/page-context';
import { selectionCaptureSchema } from '../capture/selection';
import { pageRecordSchema } from '../library/library-file';
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
    response: z.object({ pages: z.array(pageRecordSchema) }),
  },
  'library.restore': { request: z.object({ pages: z.array(pageRecordSchema) }), response: empty },
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
