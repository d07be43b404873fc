import { z } from 'zod';
import { serializedErrorSchema } from '../messaging/protocol';

/** Actions that are not in the user's list: the page's and the link's context-menu entries. */
export const pageSummaryActionId = 'page-summary';
export const linkActionId = 'ask-link';

/**
 * The in-page action stream: the content script sends what the user selected
 * (page title and URL come from the port's sender tab, not from the page), the
 * background runs the action with the active profile and streams the answer.
 */
export const actionStartSchema = z.object({
  actionId: z.string().min(1).max(100),
  selection: z.string().max(2_000_000),
  input: z.string().max(20_000).optional(),
  /** For "Ask Aside about this link". */
  linkUrl: z.url().max(8192).optional(),
  /** The user's answer to a consent prompt for fetching `linkUrl`. */
  consent: z.enum(['once', 'always']).optional(),
});
export type ActionStart = z.infer<typeof actionStartSchema>;

export const actionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), model: z.string(), prompt: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  /** Fetching this URL needs the user's consent first; nothing was sent anywhere. */
  z.object({ type: z.literal('consent'), url: z.string() }),
  z.object({ type: z.literal('done'), finishReason: z.string().nullable() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema, partial: z.boolean() }),
]);
export type ActionEvent = z.infer<typeof actionEventSchema>;

export const isTerminalActionEvent = (event: ActionEvent): boolean =>
  event.type === 'done' || event.type === 'error' || event.type === 'stopped' || event.type === 'consent';
