import { z } from 'zod';
import { httpUrl } from '../../consent/url-rules';
import { wrapToolOutput } from '../../prompt/untrusted';
import { htmlToText } from '../../web/html-to-text';
import { readLimited } from '../../web/read-limited';
import { tool } from '../tool';
import { clip } from '../tool-text';

/** Bytes read at most; the rest of a large response is never downloaded. */
export const fetchMaxBytes = 2_000_000;
export const fetchTimeoutMs = 15_000;

/**
 * Gets a URL's text from the background. An effect: the request itself can
 * carry data to the site, so the user sees and allows the exact URL. No
 * cookies are sent, and redirects are not followed, so an allowed URL cannot
 * bounce the request to a site the user never saw.
 */
export const fetchUrl = tool({
  name: 'fetch_url',
  description: 'Downloads an http(s) URL and returns its text (HTML is reduced to text). Needs the user to allow it.',
  input: z.object({ url: httpUrl }),
  risk: 'effect',
  async target({ url }) {
    return url;
  },
  async run({ url }, context) {
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(fetchTimeoutMs)]);
    const response = await fetch(url, { credentials: 'omit', redirect: 'manual', signal });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return `${url} redirects elsewhere; redirects are not followed. Ask the user for the final URL.`;
    }
    const body = await readLimited(response, fetchMaxBytes);
    const type = response.headers.get('content-type') ?? '';
    const page = /html/i.test(type) ? htmlToText(body.text) : { title: '', text: body.text };
    const status = response.ok ? '' : `HTTP ${response.status}. `;
    const cut = body.cut ? ` [cut at ${fetchMaxBytes} bytes]` : '';
    return `${status}${wrapToolOutput('fetch_url', clip(page.text) + cut, { url, title: page.title }, context.nonce)}`;
  },
});
