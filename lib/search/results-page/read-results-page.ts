import type { BrowserSite } from '../engines';
import { type SearchResult, toSearchResult } from '../search-result';
import { resultsMarkup, unwrapResultLink } from './results-markup';

/** What a results page showed: its results, or a sign that it is not a results page at all. */
export interface ResultsPageReading {
  readonly results: SearchResult[];
  /** Neither results nor a "no results" page: a sign-in, consent or robot check. */
  readonly blocked: boolean;
}

/** Words a site uses on a page that blocks reading results. */
const blockedWords = /captcha|verify you are (a )?human|unusual traffic|robot|安全验证|人机验证|before you continue/i;

/**
 * Reads the organic results of a search site's results page, in the page's
 * order: the real address behind each link wrapper, the title and snippet as
 * plain text. Ads and result widgets are not matched by the markup.
 */
export function readResultsPage(document: Document, site: BrowserSite): ResultsPageReading {
  const markup = resultsMarkup[site];
  const results: SearchResult[] = [];
  for (const item of document.querySelectorAll(markup.item)) {
    const link = item.querySelector<HTMLAnchorElement>(markup.link);
    if (!link) continue;
    const attribute = markup.urlAttribute ? item.getAttribute(markup.urlAttribute) : null;
    // `link.href` is resolved against the page (DuckDuckGo's links start with //).
    const url = attribute || unwrapResultLink(new URL(link.getAttribute('href') ?? '', document.baseURI).href);
    const title = (markup.title ? item.querySelector(markup.title) : link)?.textContent;
    const snippet = item.querySelector(markup.snippet)?.textContent;
    const result = toSearchResult(title, url, snippet);
    if (result && !results.some((known) => known.url === result.url)) results.push(result);
  }
  const blocked = results.length === 0 && blockedWords.test(`${document.title} ${document.body?.textContent ?? ''}`);
  return { results, blocked };
}
