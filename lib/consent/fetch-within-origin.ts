import { AsideError } from '../messaging/errors';
import { watchRedirect } from '../web/redirect-watch';
import { siteOf } from './url-rules';

export type OriginBoundFetch =
  | { readonly kind: 'response'; readonly response: Response; readonly url: string }
  /** The site redirected to another origin: nothing was sent there; that URL needs its own consent. */
  | { readonly kind: 'elsewhere'; readonly from: string; readonly to: string };

const maxRedirects = 5;
const redirectReportMs = 3000;

/**
 * Fetches a URL the user allowed, without cookies, following redirects only
 * within the allowed origin: the URL allowed is the site fetched. A redirect
 * to any other origin stops before a request is made there and is returned,
 * so the caller asks again for that exact URL.
 */
export async function fetchWithinOrigin(url: string, signal: AbortSignal): Promise<OriginBoundFetch> {
  const origin = siteOf(url);
  if (!origin) throw new AsideError('invalid-message', 'Only web links can be read.');
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const watch = watchRedirect(current);
    let response: Response;
    try {
      response = await fetch(current, { credentials: 'omit', redirect: 'manual', signal });
    } catch (error) {
      watch.stop();
      if (signal.aborted) throw error;
      throw new AsideError('network', `Could not load ${current}.`, { cause: error, detail: String(error) });
    }
    if (response.type !== 'opaqueredirect' && (response.status < 300 || response.status >= 400)) {
      watch.stop();
      return { kind: 'response', response, url: current };
    }
    const location = await watch.target(redirectReportMs);
    if (!location) throw new AsideError('page-unreadable', `${current} redirects, and the browser did not say where.`);
    const next = new URL(location, current).href;
    if (siteOf(next) !== origin) return { kind: 'elsewhere', from: current, to: next };
    current = next;
  }
  throw new AsideError('page-unreadable', `${url} redirects more than ${maxRedirects} times.`);
}
