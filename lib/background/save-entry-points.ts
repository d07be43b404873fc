import { browser } from 'wxt/browser';
import { saveSelection } from '../library/save-selection';
import { saveTab } from '../library/save-tab';

export const saveMenuId = 'aside-save-page';
export const saveSelectionMenuId = 'aside-save-selection';
export const saveCommand = 'save-page';

/**
 * "Save page to library" from the page's context menu, the toolbar icon's
 * menu and a keyboard shortcut. The toolbar badge says how it went, since
 * none of these has a UI of its own.
 */
export function registerSaveEntryPoints(): void {
  Object.assign(globalThis, { asideOnSaveMenuClicked: onSaveMenuClicked });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: saveMenuId,
      title: browser.i18n.getMessage('savePage'),
      // The toolbar icon's own menu is `action` in MV3 and `browser_action` in Firefox's MV2 build.
      contexts: ['page', import.meta.env.FIREFOX ? 'browser_action' : 'action'],
    });
    browser.contextMenus.create({
      id: saveSelectionMenuId,
      title: browser.i18n.getMessage('saveSelection'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener(onSaveMenuClicked);
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== saveCommand) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await saveWithBadge(tab.id);
  });
}

/**
 * The context-menu handler. Also reachable as `globalThis.asideOnSaveMenuClicked`
 * in the service worker, for the E2E test: headless Chromium cannot open native menus.
 */
export async function onSaveMenuClicked(info: { menuItemId: string | number }, tab?: { id?: number }): Promise<void> {
  if (tab?.id === undefined) return;
  if (info.menuItemId === saveMenuId) await withBadge(tab.id, () => saveTab(tab.id as number));
  if (info.menuItemId === saveSelectionMenuId) await withBadge(tab.id, () => saveSelection(tab.id as number));
}

/** Saves a tab and shows ✓ (or ! on failure, with the reason as the icon's tooltip) for a few seconds. */
export function saveWithBadge(tabId: number): Promise<void> {
  return withBadge(tabId, () => saveTab(tabId));
}

async function withBadge(tabId: number, save: () => Promise<unknown>): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await save();
    await action.setBadgeText({ tabId, text: '✓' });
    await action.setTitle({ tabId, title: browser.i18n.getMessage('savedPage') });
  } catch (error) {
    await action.setBadgeText({ tabId, text: '!' });
    await action.setTitle({ tabId, title: error instanceof Error ? error.message : String(error) });
  }
  setTimeout(() => void action.setBadgeText({ tabId, text: '' }).catch(() => {}), 4000);
}
