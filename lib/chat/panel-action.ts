import { findAction } from '../actions/actions-store';
import { resolveRun } from '../actions/resolve-run';
import type { PageContextInfo } from '../capture/page-context';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import type { UntrustedNonce } from '../prompt/untrusted';
import { pageForPrompt } from './page-for-prompt';

export interface PanelAction {
  /** What the chat shows as the user's message: the action's name. */
  readonly label: string;
  /** What is sent: the action's template filled in. */
  readonly prompt: string;
  readonly hasUntrusted: boolean;
  /**
   * The page, when the whole page went into the prompt (nothing was selected):
   * stored with the question like a question's page, so the chat names it and
   * an answer about a video links its times (components/chat/video-target.ts).
   */
  readonly context?: PageContextInfo;
}

/**
 * An action run from the side panel: it works on the selection in the active
 * tab, or on the whole page when nothing is selected, filled into the same
 * template the in-page toolbar uses.
 */
export async function resolvePanelAction(
  actionId: string,
  tabId: number | null,
  { pageTokenBudget, signal, nonce }: { pageTokenBudget: number; signal: AbortSignal; nonce: UntrustedNonce },
): Promise<PanelAction> {
  const action = await findAction(actionId);
  if (action?.kind !== 'prompt' || !action.surfaces.includes('sidePanel')) {
    throw new AsideError('not-found', `No side-panel action "${actionId}".`);
  }
  if (tabId === null) throw new AsideError('page-unreadable', 'There is no page to run this action on.');
  // Captured once, first: this also injects the content script into a tab opened before Aside.
  const page = await pageForPrompt(tabId, pageTokenBudget);
  const selected = (await callTab(tabId, 'page.selection', {}).catch(() => null))?.text.trim() ?? '';
  const selection = selected || page.text;
  const run = await resolveRun(
    { actionId, selection },
    {
      tabId,
      pageTitle: page.title,
      pageUrl: page.url,
      pageTokenBudget,
      signal,
      nonce,
      capturePage: async () => page.text,
    },
  );
  if (run.type !== 'prompt') throw new AsideError('not-found', `No side-panel action "${actionId}".`);
  const context = selected ? {} : { context: page.info };
  return { label: action.name, prompt: run.prompt, hasUntrusted: run.hasUntrusted, ...context };
}
