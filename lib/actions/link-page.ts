import { fetchWithinOrigin } from '../consent/fetch-within-origin';
import { addGrant, hasGrant, linkReaderScope } from '../consent/grants';
import { siteOf } from '../consent/url-rules';
import { AsideError } from '../messaging/errors';
import { htmlToText } from '../web/html-to-text';
import { readLimited } from '../web/read-limited';

/**
 * "Ask Aside about this link": a site the user allowed always (in Aside's
 * options page, scope `link-reader`, separate from the agent's grants) is
 * fetched at once; any other needs the user's yes in the card first.
 */
export async function linkSiteAllowed(url: string): Promise<boolean> {
  const site = siteOf(url);
  return site !== null && (await hasGrant(linkReaderScope, site));
}

/** Called only from Aside's options page (consent.grantLinkSite). */
export async function allowLinkSite(url: string): Promise<void> {
  const site = siteOf(url);
  if (site) await addGrant(linkReaderScope, site);
}

const maxBytes = 5_000_000;

export type LinkText =
  | { readonly kind: 'text'; readonly title: string; readonly text: string }
  /** The link redirects to another site: that URL needs its own consent. */
  | { readonly kind: 'elsewhere'; readonly to: string };

/** Fetches a link's page (no cookies, redirects only within its site) and reduces it to text, wrapped as untrusted later. */
export async function fetchLinkText(url: string, signal: AbortSignal): Promise<LinkText> {
  const fetched = await fetchWithinOrigin(url, signal);
  if (fetched.kind === 'elsewhere') return { kind: 'elsewhere', to: fetched.to };
  if (!fetched.response.ok) throw new AsideError('page-unreadable', `The link answered ${fetched.response.status}.`);
  return { kind: 'text', ...htmlToText((await readLimited(fetched.response, maxBytes)).text) };
}
