import { browser } from 'wxt/browser';
import { sleep } from '../llm/retry';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import type { ChosenEngine } from './chosen-engine';
import { engineError } from './engine-errors';
import { resultsPageUrl } from './engines';
import type { SearchResult } from './search-result';

/** A results page that has not loaded and been read by then is treated as unreachable. */
const loadTimeoutMs = 20_000;
/** Pause between asks while the page's content script is not listening yet. */
const askEveryMs = 150;

type BrowserEngine = Extract<ChosenEngine, { kind: 'browser' }>;

/**
 * No-key mode: opens the search site's results page in a background tab of
 * the user's own browser (its settings and cookies for that site apply, as
 * when they search themselves), lets Aside's content script read the results
 * there, and closes the tab whatever happens.
 */
export async function searchInBackgroundTab(
  engine: BrowserEngine,
  query: string,
  signal: AbortSignal,
): Promise<SearchResult[]> {
  const url = resultsPageUrl(engine.template, query);
  const tab = await browser.tabs.create({ url, active: false });
  const tabId = tab.id;
  if (tabId === undefined) throw engineError('search-unreachable', engine.name, { detail: 'No tab was opened.' });
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(loadTimeoutMs)]);
  try {
    // The content script answers once the page has loaded (document_idle); until then the call fails.
    for (;;) {
      if (deadline.aborted) {
        if (signal.aborted) throw new AsideError('cancelled', 'Stopped.');
        throw engineError('search-unreachable', engine.name, { detail: `${url} did not load in time.` });
      }
      const reply = await callTab(tabId, 'search.readResults', { site: engine.site }).catch(() => null);
      if (reply) {
        if (reply.blocked) throw engineError('search-blocked', engine.name, { detail: url });
        return reply.results;
      }
      await sleep(askEveryMs, deadline).catch(() => {});
    }
  } finally {
    await browser.tabs.remove(tabId).catch(() => {});
  }
}
