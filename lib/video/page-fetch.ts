import { AsideError } from '../messaging/errors';

/** Caption files are small; anything larger is not one. */
const maxBytes = 8 * 1024 * 1024;

/**
 * A text response fetched by the content script as its page would: from the
 * page's context, with the page's cookies where CORS allows them, following
 * no redirect. A failure is a clear "captions could not be loaded".
 */
export async function fetchText(url: string, credentials: RequestCredentials = 'same-origin'): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials, redirect: 'error', signal: AbortSignal.timeout(20_000) });
  } catch (error) {
    throw new AsideError('video-captions-failed', 'The video site did not answer.', {
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  if (!response.ok) {
    throw new AsideError('video-captions-failed', `The video site answered ${response.status}.`, {
      status: response.status,
      detail: `${new URL(url).host} answered ${response.status}.`,
    });
  }
  const text = await response.text();
  if (text.length > maxBytes) throw new AsideError('video-captions-failed', 'The captions are too large.');
  return text;
}

/** `address` resolved against the page, refused unless it is on the page's own origin. */
export function sameOriginUrl(address: string, pageUrl: string): URL {
  const url = new URL(address, pageUrl);
  if (url.origin !== new URL(pageUrl).origin) {
    throw new AsideError('video-captions-failed', 'A caption address pointed to another site.', { detail: url.host });
  }
  return url;
}

/** `address` (`//host/path` as Bilibili writes it) as https, refused unless its host is one of `hosts` or under them. */
export function httpsUrlOn(address: string, hosts: readonly string[]): URL {
  const url = new URL(address, 'https://invalid.invalid/');
  url.protocol = 'https:';
  const allowed = hosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
  if (!allowed) {
    throw new AsideError('video-captions-failed', 'A caption address pointed to another site.', {
      detail: url.host,
    });
  }
  return url;
}
