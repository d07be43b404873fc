import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';

function OpenSidePanelButton() {
  return (
    <button
      type="button"
      data-testid="open-side-panel"
      onClick={async () => {
        const window = await browser.windows.getCurrent();
        if (window.id !== undefined) await browser.sidePanel.open({ windowId: window.id });
      }}
    >
      Open side panel
    </button>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<OpenSidePanelButton />);
