import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://open.bochaai.com (Web Search API): POST /v1/web-search with `Authorization: Bearer …` and
// {"query", "freshness", "summary", "count"}; a Bing-compatible body inside
// {"code": 200, "log_id", "msg", "data": {"webPages": {"value": [{name, url, snippet, summary, siteName…}]}}}.
// Failures carry their code in the body too (401 key, 403 balance, 429 rate).
const body = z.object({
  data: z.object({
    webPages: z
      .object({
        value: z.array(
          z.object({ name: z.unknown(), url: z.unknown(), snippet: z.unknown(), summary: z.unknown() }).partial(),
        ),
      })
      .nullish(),
  }),
});
const envelope = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  msg: z.string().nullish(),
  message: z.string().nullish(),
});

/** Bocha (博查) Web Search API. */
export const bochaFormat: EngineFormat = {
  request({ query, endpoint, key, count }) {
    return {
      url: endpoint,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key ?? ''}` },
        body: JSON.stringify({ query, freshness: 'noLimit', summary: true, count: Math.min(50, count) }),
      },
    };
  },
  results(json) {
    const pages = body.parse(json).data.webPages?.value ?? [];
    // The summary (asked for) is longer than the snippet and reads better as an excerpt.
    return kept(pages.map((r) => toSearchResult(r.name, r.url, r.summary || r.snippet)));
  },
  bodyStatus(json) {
    const code = Number(envelope.safeParse(json).data?.code);
    return Number.isInteger(code) && code !== 200 ? code : undefined;
  },
  classify(status) {
    // 403 is "insufficient balance", not a bad key: the engine's own words say so.
    return status === 403 ? 'search-failed' : undefined;
  },
  errorText(json) {
    const parsed = envelope.safeParse(json).data;
    return parsed?.msg ?? parsed?.message ?? undefined;
  },
};
