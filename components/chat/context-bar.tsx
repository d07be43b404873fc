import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageContextInfo } from '../../lib/capture/page-context';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { unreadableReason } from '../../lib/tabs/unreadable-reason';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';

/** The browser's cached favicon on Chrome (no request to the site); the tab's own URL elsewhere. */
function faviconFor(tab: ActiveTab): string | undefined {
  if (browser.runtime.getManifest().permissions?.includes('favicon')) {
    const url = new URL(browser.runtime.getURL('/_favicon/' as '/'));
    url.searchParams.set('pageUrl', tab.url);
    url.searchParams.set('size', '16');
    return url.toString();
  }
  return tab.favIconUrl;
}

/**
 * Which page is in context: its favicon and title, a switch to leave it out,
 * and how much of it fits the token budget (a cut page says so).
 */
export function ContextBar({
  tab,
  include,
  onIncludeChange,
}: {
  tab: ActiveTab | null;
  include: boolean;
  onIncludeChange: (include: boolean) => void;
}) {
  const t = useT();
  const [preview, setPreview] = useState<PageContextInfo | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const unreadable = tab ? unreadableReason(tab.url) : 'no tab';
  const loaded = tab?.status === 'complete';

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!tab || !include || unreadable || !loaded) return;
    let alive = true;
    callBackground('page.preview', { tabId: tab.id })
      .then((info) => alive && setPreview(info))
      .catch((caught: unknown) => alive && setError(AsideError.from(caught).toJSON()));
    return () => {
      alive = false;
    };
  }, [tab?.id, tab?.url, loaded, include, unreadable, tab]);

  if (!tab) return null;
  const icon = faviconFor(tab);
  return (
    <div className="context-bar" data-testid="context-bar">
      <label className="row context-toggle">
        <input type="checkbox" checked={include} onChange={(event) => onIncludeChange(event.target.checked)} />
        {icon ? <img src={icon} alt="" width={16} height={16} /> : null}
        <span className="context-title" title={tab.url}>
          {tab.title || tab.url}
        </span>
      </label>
      <div className="context-status muted" data-testid="context-status">
        {!include
          ? t('context.off')
          : unreadable || error
            ? t('context.unreadable')
            : !preview
              ? t('context.loading')
              : preview.truncated
                ? t('context.cut', { kept: preview.tokens, total: preview.totalTokens })
                : t('context.tokens', { tokens: preview.tokens })}
      </div>
    </div>
  );
}
