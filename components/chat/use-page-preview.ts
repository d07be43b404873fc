import { useEffect, useState } from 'react';
import type { PageContextInfo } from '../../lib/capture/page-context';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { unreadableReason } from '../../lib/tabs/unreadable-reason';
import type { ActiveTab } from '../hooks/use-active-tab';

export interface PagePreview {
  readonly info: PageContextInfo | null;
  readonly error: SerializedError | null;
  /** The browser does not let extensions read this page at all. */
  readonly unreadable: boolean;
}

/** What the active tab's page would add to a prompt, read again when the tab or its URL changes. */
export function usePagePreview(tab: ActiveTab | null, include: boolean): PagePreview {
  const [info, setInfo] = useState<PageContextInfo | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const unreadable = tab ? unreadableReason(tab.url) !== undefined : true;
  const loaded = tab?.status === 'complete';
  const tabId = tab?.id;
  const url = tab?.url;

  useEffect(() => {
    setInfo(null);
    setError(null);
    if (tabId === undefined || !url || !include || unreadable || !loaded) return;
    let alive = true;
    callBackground('page.preview', { tabId })
      .then((next) => alive && setInfo(next))
      .catch((caught: unknown) => alive && setError(AsideError.from(caught).toJSON()));
    return () => {
      alive = false;
    };
  }, [tabId, url, loaded, include, unreadable]);

  return { info, error, unreadable };
}
