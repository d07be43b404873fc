import { browser } from 'wxt/browser';
import { saveTab } from '../library/save-tab';

export const saveMenuId = 'aside-save-page';
export const saveCommand = 'save-page';

/**
 * "Save page to library" from the page's context menu, the toolbar icon's
 * menu and a keyboard shortcut. The toolbar badge says how it went, since
 * none of these has a UI of its own.
 */
export function registerSaveEntryPoints(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: saveMenuId,
      title: browser.i18n.getMessage('savePage'),
      // The toolbar icon's own menu is `action` in MV3 and `browser_action` in Firefox's MV2 build.
      contexts: ['page', import.meta.env.FIREFOX ? 'browser_action' : 'action'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === saveMenuId && tab?.id !== undefined) void saveWithBadge(tab.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== saveCommand) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await saveWithBadge(tab.id);
  });
}

/** Saves a tab and shows ✓ (or ! on failure, with the reason as the icon's tooltip) for a few seconds. */
export async function saveWithBadge(tabId: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await saveTab(tabId);
    await action.setBadgeText({ tabId, text: '✓' });
    await action.setTitle({ tabId, title: browser.i18n.getMessage('savedPage') });
  } catch (error) {
    await action.setBadgeText({ tabId, text: '!' });
    await action.setTitle({ tabId, title: error instanceof Error ? error.message : String(error) });
  }
  setTimeout(() => void action.setBadgeText({ tabId, text: '' }).catch(() => {}), 4000);
}
