/**
 * The URL a captured page is known by: the canonical URL the page declares,
 * but only when it is an http(s) URL on the same origin as the address the
 * page was read from; otherwise that address. A page may tidy its own URL
 * (drop tracking parameters, name the main copy of an article), never claim
 * another site's: the library keeps one record per URL and cites it under
 * that URL, so a foreign canonical link would let a page overwrite and
 * impersonate the user's saved copy of another site.
 *
 * The content script applies this to `document.URL`; the background applies
 * it again to the tab's URL as the browser reports it, because a content
 * script runs in the page's process and cannot be trusted to have.
 */
export function pageUrlFor(canonical: string | null | undefined, address: string): string {
  if (!canonical) return address;
  const claimed = webUrl(canonical);
  const actual = webUrl(address);
  return claimed && actual && claimed.origin === actual.origin ? claimed.href : address;
}

/** The URL when it parses and is http(s); file:, data:, javascript: and others share no meaningful origin. */
function webUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
