import { type Browser, browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';
import type { ToolContext } from './tool';

/**
 * Whether a run may see a tab: only tabs of its own kind of window. A run
 * started from a normal window never sees what is open in an incognito one
 * (nor the reverse), as automatic saving never saves what is read there.
 */
export const visibleToRun = (tab: Pick<Browser.tabs.Tab, 'incognito'>, context: Pick<ToolContext, 'incognito'>) =>
  tab.incognito === context.incognito;

/**
 * The tab with this id, when the run may use it. A tab of the other kind is
 * refused exactly like a closed one, so the model learns nothing about it.
 */
export async function tabForRun(tabId: number, context: Pick<ToolContext, 'incognito'>): Promise<Browser.tabs.Tab> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab && visibleToRun(tab, context)) return tab;
  throw new AsideError('page-unreadable', `No tab ${tabId} that this run can read.`, {
    detail: 'The tab is closed, or it is in another kind of window (private or not) than the one the run started in.',
  });
}

/**
 * A window of the run's kind to open a tab in: the panel's, or, once that is
 * closed, another of the same kind. Opening a tab in the other kind would put
 * an incognito run's visit into the normal history (or the reverse).
 */
export async function windowForRun(context: Pick<ToolContext, 'incognito' | 'windowId'>): Promise<number> {
  const own =
    context.windowId === null ? undefined : await browser.windows.get(context.windowId).catch(() => undefined);
  if (own?.id !== undefined && own.incognito === context.incognito) return own.id;
  const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
  const other = windows.find((window) => window.incognito === context.incognito && window.id !== undefined);
  if (other?.id !== undefined) return other.id;
  throw new AsideError('not-found', `No ${context.incognito ? 'private' : 'normal'} window is open to open a tab in.`);
}
