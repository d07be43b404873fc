import type { BrowserSite } from '../engines';

/** Where a search site's results page keeps each result, its link, title and snippet. */
export interface ResultsMarkup {
  /** One element per organic result. */
  readonly item: string;
  /** The result's link, within the item. */
  readonly link: string;
  /** The title, within the item (the link's text when absent). */
  readonly title?: string;
  readonly snippet: string;
  /** An attribute of the item holding the real address (Baidu's `mu`: its links go through a redirector). */
  readonly urlAttribute?: string;
}

/** The markup each site serves (reduced to what reading needs); sites change it now and then. */
export const resultsMarkup: Readonly<Record<BrowserSite, ResultsMarkup>> = {
  bing: { item: '#b_results > li.b_algo', link: 'h2 a', snippet: '.b_caption p, .b_lineclamp2, .b_lineclamp3' },
  duckduckgo: { item: '.results .result, #links .result', link: 'a.result__a', snippet: '.result__snippet' },
  google: { item: '#rso .g, #search .g', link: 'a[href]', title: 'h3', snippet: '.VwiC3b, [data-sncf], .IsZvec' },
  baidu: {
    item: '#content_left > .result, #content_left > .c-container',
    link: 'h3 a',
    snippet: '.c-abstract, [class*="content-right"], .c-span-last',
    urlAttribute: 'mu',
  },
};

/**
 * The real address behind a site's link wrapper: Bing's `/ck/a?…&u=a1<base64url>`,
 * DuckDuckGo's `/l/?uddg=…`, Google's `/url?q=…`; other links as they are.
 */
export function unwrapResultLink(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const params = url.searchParams;
  if (url.pathname === '/ck/a' && params.get('u')?.startsWith('a1')) {
    const encoded = (params.get('u') ?? '').slice(2).replace(/-/g, '+').replace(/_/g, '/');
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
    } catch {
      return href;
    }
  }
  if (url.pathname === '/l/' && params.has('uddg')) return params.get('uddg') ?? href;
  if (url.pathname === '/url' && (params.has('q') || params.has('url')))
    return params.get('q') ?? params.get('url') ?? href;
  return href;
}
