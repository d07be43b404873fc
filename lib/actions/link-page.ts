import { addGrant, hasGrant } from '../consent/grants';
import { siteOf } from '../consent/url-rules';
import { AsideError } from '../messaging/errors';
import { htmlToText } from '../web/html-to-text';
import { readLimited } from '../web/read-limited';

/**
 * "Ask Aside about this link" follows the agent's consent rule for
 * `fetch_url`: a site the user allowed always (here or in an agent run) is
 * fetched at once; any other needs the user's yes first.
 */
const consentTool = 'fetch_url';

export async function fetchAllowed(url: string): Promise<boolean> {
  const site = siteOf(url);
  return site !== null && (await hasGrant(consentTool, site));
}

export async function allowFetchSite(url: string): Promise<void> {
  const site = siteOf(url);
  if (site) await addGrant(consentTool, site);
}

const maxBytes = 5_000_000;

/** Fetches a link's page and reduces it to text; no cookies are sent, and the text is wrapped as untrusted later. */
export async function fetchLinkText(url: string, signal: AbortSignal): Promise<{ title: string; text: string }> {
  if (!siteOf(url)) throw new AsideError('invalid-message', 'Only web links can be read.');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', redirect: 'follow', signal });
  } catch (error) {
    throw new AsideError('network', `Could not load ${url}.`, { cause: error, detail: String(error) });
  }
  if (!response.ok) throw new AsideError('page-unreadable', `The link answered ${response.status}.`);
  return htmlToText((await readLimited(response, maxBytes)).text);
}
