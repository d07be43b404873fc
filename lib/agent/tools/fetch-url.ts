import { z } from 'zod';
import { fetchWithinOrigin } from '../../consent/fetch-within-origin';
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
 * cookies are sent, and redirects are followed only within the allowed site
 * (lib/consent/fetch-within-origin.ts): a redirect to another site is not
 * requested, and goes back to the model, whose next fetch_url of that
 * address asks the user again.
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
    const fetched = await fetchWithinOrigin(url, signal);
    if (fetched.kind === 'elsewhere') {
      // The target is the site's words (a Location header): wrapped like any page text.
      const target = wrapToolOutput(
        'fetch_url',
        `Redirect target: ${fetched.to}`,
        { url: fetched.from },
        context.nonce,
      );
      return `${fetched.from} redirects to another site, which was not requested. Call fetch_url with that address if you need it; the user will be asked.\n${target}`;
    }
    const { response } = fetched;
    const body = await readLimited(response, fetchMaxBytes);
    const type = response.headers.get('content-type') ?? '';
    const page = /html/i.test(type) ? htmlToText(body.text) : { title: '', text: body.text };
    const status = response.ok ? '' : `HTTP ${response.status}. `;
    const cut = body.cut ? ` [cut at ${fetchMaxBytes} bytes]` : '';
    return `${status}${wrapToolOutput('fetch_url', clip(page.text) + cut, { url, title: page.title }, context.nonce)}`;
  },
});
