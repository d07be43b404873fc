import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which WXT's Chrome-shaped types do not declare. */
interface FirefoxSidebar {
  readonly sidebarAction?: { toggle(): Promise<void> };
  readonly browserAction?: { onClicked: { addListener(listener: () => void): void } };
}

/**
 * Firefox has no side panel: Aside lives in the sidebar, and the toolbar
 * button toggles it, as the side panel opens from the icon on Chrome.
 */
export function toggleSidebarFromToolbar(): void {
  const firefox = browser as unknown as FirefoxSidebar;
  if (!firefox.sidebarAction || !firefox.browserAction) return;
  const sidebar = firefox.sidebarAction;
  firefox.browserAction.onClicked.addListener(() => void sidebar.toggle());
}
