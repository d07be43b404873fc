import { browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';

/** The window a run belongs to: the side panel's it was started (or resumed) from. */
export interface RunWindow {
  readonly windowId: number | null;
  /** An incognito run sees only incognito tabs; a normal run only normal ones. */
  readonly incognito: boolean;
}

/**
 * Which kind of window a run belongs to, asked of the browser about the
 * panel's window (or, when the panel did not say, its tab). A tab can never
 * move between an incognito and a normal window, so the answer holds for the
 * rest of the run. A run with neither (tests, benchmarks) is a normal one.
 */
export async function runWindow(windowId: number | null | undefined, tabId: number | null): Promise<RunWindow> {
  if (windowId !== null && windowId !== undefined) {
    const window = await browser.windows.get(windowId).catch(() => undefined);
    if (!window) {
      throw new AsideError('not-found', 'The window this run was started from is closed.', {
        detail: 'The window this run was started from is closed. Start it again from an open window.',
      });
    }
    return { windowId, incognito: window.incognito };
  }
  if (tabId !== null) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (tab) return { windowId: tab.windowId ?? null, incognito: tab.incognito };
  }
  return { windowId: null, incognito: false };
}
