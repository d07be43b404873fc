import { z } from 'zod';
import { serializedErrorSchema } from '../messaging/protocol';

/** Actions that are not in the user's list: the page's and the link's context-menu entries. */
export const pageSummaryActionId = 'page-summary';
export const linkActionId = 'ask-link';

/** Exchanges one card keeps in its conversation (the action, then follow-ups); a longer talk belongs in the side panel. */
export const maxCardExchanges = 12;

/**
 * The in-page action stream: the content script sends what the user selected
 * (page title and URL come from the port's sender tab, not from the page), the
 * background runs the action with the active profile and streams the answer.
 */
export const actionStartSchema = z.object({
  actionId: z.string().min(1).max(100),
  selection: z.string().max(2_000_000),
  input: z.string().max(20_000).optional(),
  /**
   * For "Ask Aside about this link": the token of a link the user picked in the browser's menu in this tab
   * (lib/actions/link-requests.ts). The page never names a URL.
   */
  linkToken: z.string().max(100).optional(),
  /**
   * The user's "Allow once" in the card, for that link only. "Always" is never accepted from a page:
   * it is granted in Aside's options page (actions.requestLinkGrant).
   */
  consent: z.literal('once').optional(),
  /**
   * A follow-up question typed in the card about the same selection: it goes on from one of this tab's
   * finished runs, named by its id; the background uses its own copy of that conversation (card-runs.ts).
   */
  followUp: z.object({ runId: z.string().min(1).max(100), question: z.string().trim().min(1).max(20_000) }).optional(),
});
export type ActionStart = z.infer<typeof actionStartSchema>;

export const actionEventSchema = z.discriminatedUnion('type', [
  /** `runId` names this run's answer when the user rates it or continues it in the side panel. */
  z.object({ type: z.literal('started'), runId: z.string(), model: z.string(), prompt: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  /**
   * Fetching this URL needs the user's consent first; nothing was sent anywhere. `redirectedFrom`: the
   * link the user allowed redirects here, to another site.
   */
  z.object({
    type: z.literal('consent'),
    url: z.string(),
    linkToken: z.string(),
    redirectedFrom: z.string().optional(),
  }),
  z.object({ type: z.literal('done'), finishReason: z.string().nullable() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema, partial: z.boolean() }),
]);
export type ActionEvent = z.infer<typeof actionEventSchema>;

export const isTerminalActionEvent = (event: ActionEvent): boolean =>
  event.type === 'done' || event.type === 'error' || event.type === 'stopped' || event.type === 'consent';
