import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://developers.google.com/custom-search/v1/using_rest: GET /customsearch/v1?key=…&cx=…&q=…&num=…
// (num at most 10); results in items[] with title, link, snippet (no items: nothing found).
// Errors: {"error": {"code": 400, "message": "API key not valid…", "errors": [{"reason": …}], "details": […]}}.
const body = z.object({
  items: z.array(z.object({ title: z.unknown(), link: z.unknown(), snippet: z.unknown() }).partial()).optional(),
});
const errorBody = z.object({ error: z.object({ message: z.string().optional() }).passthrough() });

/** Google Programmable Search (Custom Search JSON API). */
export const googleFormat: EngineFormat = {
  request({ query, endpoint, key, count, cx }) {
    const url = new URL(endpoint);
    // The documented way to pass the key: a query parameter.
    url.searchParams.set('key', key ?? '');
    url.searchParams.set('cx', cx);
    url.searchParams.set('q', query);
    url.searchParams.set('num', String(Math.min(10, count)));
    return { url: url.href, init: { headers: { Accept: 'application/json' } } };
  },
  results(json) {
    return kept((body.parse(json).items ?? []).map((r) => toSearchResult(r.title, r.link, r.snippet)));
  },
  classify(status, json) {
    const error = errorBody.safeParse(json).data?.error;
    const reasons = JSON.stringify(error ?? {});
    // An invalid key is a 400 whose reason is API_KEY_INVALID; a spent quota is a 403 or 429.
    if (/API_KEY_INVALID|keyInvalid/.test(reasons)) return 'search-key-rejected';
    if (/rateLimitExceeded|dailyLimitExceeded|RATE_LIMIT_EXCEEDED|quota/i.test(reasons) || status === 429) {
      return 'search-rate-limit';
    }
    return undefined;
  },
  errorText(json) {
    return errorBody.safeParse(json).data?.error.message;
  },
};
