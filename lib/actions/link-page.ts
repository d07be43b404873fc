import { storage } from 'wxt/utils/storage';
import { AsideError } from '../messaging/errors';
import { htmlToText } from './html-to-text';

/**
 * Origins the user allowed Aside to fetch pages from. The same rule as the
 * agent's fetch_url: a site not yet allowed needs the user's consent first.
 */
export const allowedFetchOriginsItem = storage.defineItem<string[]>('local:allowedFetchOrigins', {
  fallback: [],
  version: 1,
});

export async function fetchAllowed(url: string): Promise<boolean> {
  return (await allowedFetchOriginsItem.getValue()).includes(new URL(url).origin);
}

export async function allowFetchOrigin(url: string): Promise<void> {
  const origin = new URL(url).origin;
  const allowed = await allowedFetchOriginsItem.getValue();
  if (!allowed.includes(origin)) await allowedFetchOriginsItem.setValue([...allowed, origin]);
}

const maxBytes = 5_000_000;

/**
 * Fetches a link's page and reduces it to text. The service worker has no
 * DOMParser, so this strips markup by pattern: good enough for a prompt, and
 * the text is wrapped as untrusted before it reaches one. No cookies are sent.
 */
export async function fetchLinkText(url: string, signal: AbortSignal): Promise<{ title: string; text: string }> {
  if (!/^https?:/.test(url)) throw new AsideError('invalid-message', 'Only web links can be read.');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', redirect: 'follow', signal });
  } catch (error) {
    throw new AsideError('network', `Could not load ${url}.`, { cause: error, detail: String(error) });
  }
  if (!response.ok) throw new AsideError('page-unreadable', `The link answered ${response.status}.`);
  const html = (await response.text()).slice(0, maxBytes);
  return htmlToText(html);
}
