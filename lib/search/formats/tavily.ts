import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://docs.tavily.com/documentation/api-reference/endpoint/search: POST /search with
// `Authorization: Bearer tvly-…` and {"query", "max_results", "search_depth", …};
// results[] carry title, url, content (an excerpt) and score. Errors: {"detail": {"error": "…"}}.
const body = z.object({
  results: z.array(z.object({ title: z.unknown(), url: z.unknown(), content: z.unknown() }).partial()),
});
const errorBody = z.object({ detail: z.union([z.object({ error: z.string() }), z.string()]) });

/** Tavily Search API. */
export const tavilyFormat: EngineFormat = {
  request({ query, endpoint, key, count }) {
    return {
      url: endpoint,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key ?? ''}` },
        body: JSON.stringify({
          query,
          max_results: Math.min(20, count),
          search_depth: 'basic',
          include_answer: false,
          include_raw_content: false,
        }),
      },
    };
  },
  results(json) {
    return kept(body.parse(json).results.map((r) => toSearchResult(r.title, r.url, r.content)));
  },
  errorText(json) {
    const detail = errorBody.safeParse(json).data?.detail;
    return typeof detail === 'string' ? detail : detail?.error;
  },
};
