import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  readonly id: number;
  readonly title: string;
  readonly url: string;
  readonly favIconUrl?: string;
  /** `complete` once the page has loaded; context is read after that. */
  readonly status?: string;
}

/** The active tab of the window this panel belongs to, following tab switches and navigation. */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (!alive) return;
      setTab(
        active?.id === undefined
          ? null
          : {
              id: active.id,
              title: active.title ?? active.url ?? '',
              url: active.url ?? '',
              ...(active.favIconUrl ? { favIconUrl: active.favIconUrl } : {}),
              ...(active.status ? { status: active.status } : {}),
            },
      );
    };
    const onUpdated = (_id: number, _change: unknown, updated: { active: boolean }) => {
      if (updated.active) void refresh();
    };
    const onActivated = () => void refresh();
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tab;
}
