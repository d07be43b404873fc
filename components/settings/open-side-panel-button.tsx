import { browser } from 'wxt/browser';
import { useT } from '../hooks/use-t';

/** Firefox's sidebar API, which WXT's Chrome-shaped types do not declare. */
interface FirefoxSidebar {
  readonly sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel of this window. Both browsers allow that only during a
 * user gesture, so it runs straight from the click; E2E tests use this button
 * to open the real panel.
 */
async function openSidePanel(): Promise<void> {
  if (!browser.sidePanel) {
    await (browser as unknown as FirefoxSidebar).sidebarAction?.open();
    return;
  }
  const current = await browser.windows.getCurrent();
  if (current.id !== undefined) await browser.sidePanel.open({ windowId: current.id });
}

export function OpenSidePanelButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="primary"
      data-testid="open-side-panel"
      onClick={() => {
        openSidePanel().catch((error: unknown) => console.warn('Aside: could not open the side panel', error));
      }}
    >
      {t('settings.openSidePanel')}
    </button>
  );
}
