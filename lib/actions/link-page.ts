import { storage } from 'wxt/utils/storage';
import { AsideError } from '../messaging/errors';

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

/** Title and visible text of an HTML document, without a DOM. */
export function htmlToText(html: string): { title: string; text: string } {
  const title = decode(html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '').trim();
  const text = html
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/(p|div|li|h[1-6]|tr|section|article|br)\s*>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
  return {
    title,
    text: decode(text)
      .replace(/[ \t\f\v]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim(),
  };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (match, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(value) && value < 0x110000 ? String.fromCodePoint(value) : match;
    }
    return entities[code.toLowerCase()] ?? match;
  });
}
