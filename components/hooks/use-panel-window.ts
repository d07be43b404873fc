import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The id of the window this panel belongs to, or null until the browser says.
 * Runs started here are told it, and see only tabs of that kind of window
 * (incognito or not).
 */
export function usePanelWindowId(): number | null {
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    browser.windows
      .getCurrent()
      .then((window) => {
        if (alive) setWindowId(window.id ?? null);
      })
      .catch(() => {
        // Without it the background goes by the panel's tab.
      });
    return () => {
      alive = false;
    };
  }, []);
  return windowId;
}
