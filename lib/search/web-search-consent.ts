import { addGrant, hasGrant } from '../consent/grants';
import { webSearchSettingsItem } from '../settings/secure-settings';
import { type ChosenEngine, chosenEngine } from './chosen-engine';

/**
 * The consent scope of web search: one grant per engine origin, given once in
 * Aside's side panel (never from a page or content script), which shows the
 * host the question will go to. Changing the engine (or its address) asks again.
 */
export const webSearchScope = 'web-search';

/** The engine the settings choose, or null when it is not set up (the search itself then says why). */
export async function currentEngine(): Promise<ChosenEngine | null> {
  try {
    return chosenEngine(await webSearchSettingsItem.getValue());
  } catch {
    return null;
  }
}

/** Whether questions may go to this engine's host. */
export function webSearchAllowed(engine: ChosenEngine): Promise<boolean> {
  return hasGrant(webSearchScope, engine.origin);
}

/** Records the user's "Allow web search" for this engine's host (Aside's pages only: it writes through the background). */
export function allowWebSearch(engine: ChosenEngine): Promise<void> {
  return addGrant(webSearchScope, engine.origin);
}
