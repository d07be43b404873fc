import { findAction } from '../actions/actions-store';
import { resolveRun } from '../actions/resolve-run';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import type { UntrustedNonce } from '../prompt/untrusted';
import { captureTab } from '../tabs/capture-tab';
import { pageForPrompt } from './page-for-prompt';

export interface PanelAction {
  /** What the chat shows as the user's message: the action's name. */
  readonly label: string;
  /** What is sent: the action's template filled in. */
  readonly prompt: string;
  readonly hasUntrusted: boolean;
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
  // Capturing first also injects the content script into a tab opened before Aside.
  const page = await captureTab(tabId);
  const selected = (await callTab(tabId, 'page.selection', {}).catch(() => null))?.text.trim() ?? '';
  const selection = selected || (await pageForPrompt(tabId, pageTokenBudget)).text;
  const run = await resolveRun(
    { actionId, selection },
    {
      tabId,
      pageTitle: page.title,
      pageUrl: page.url,
      pageTokenBudget,
      signal,
      nonce,
      capturePage: async () => (await pageForPrompt(tabId, pageTokenBudget)).text,
    },
  );
  if (run.type !== 'prompt') throw new AsideError('not-found', `No side-panel action "${actionId}".`);
  return { label: action.name, prompt: run.prompt, hasUntrusted: run.hasUntrusted };
}
