import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://api-dashboard.search.brave.com/app/documentation/web-search: GET /res/v1/web/search?q=…&count=…
// with the key in X-Subscription-Token; results in web.results (absent when nothing was found).
// Errors: {"type":"ErrorResponse","error":{"status":422,"code":"SUBSCRIPTION_TOKEN_INVALID","detail":…}}.
const body = z.object({
  web: z
    .object({
      results: z.array(
        z
          .object({ title: z.unknown(), url: z.unknown(), description: z.unknown(), extra_snippets: z.unknown() })
          .partial(),
      ),
    })
    .optional(),
});
const errorBody = z.object({ error: z.object({ code: z.string().optional(), detail: z.string().optional() }) });

/** Brave Search API, web search. */
export const braveFormat: EngineFormat = {
  request({ query, endpoint, key, count }) {
    const url = new URL(endpoint);
    url.searchParams.set('q', query);
    url.searchParams.set('count', String(Math.min(20, count)));
    return {
      url: url.href,
      init: { headers: { Accept: 'application/json', 'X-Subscription-Token': key ?? '' } },
    };
  },
  results(json) {
    const results = body.parse(json).web?.results ?? [];
    return kept(
      results.map((r) => {
        const extra = Array.isArray(r.extra_snippets) ? r.extra_snippets.filter((s) => typeof s === 'string') : [];
        return toSearchResult(r.title, r.url, [r.description, ...extra].filter(Boolean).join(' '));
      }),
    );
  },
  classify(status, json) {
    const code = errorBody.safeParse(json).data?.error.code;
    if (code === 'SUBSCRIPTION_TOKEN_INVALID') return 'search-key-rejected';
    if (code === 'RATE_LIMITED' || status === 429) return 'search-rate-limit';
    return undefined;
  },
  errorText(json) {
    return errorBody.safeParse(json).data?.error.detail;
  },
};
