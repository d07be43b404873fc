import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://docs.bigmodel.cn/api-reference/工具-api/网络搜索: POST /api/paas/v4/web_search with
// `Authorization: Bearer …` and {"search_query", "search_engine", "search_intent", "count", …};
// results in search_result[] with title, content, link. Errors: {"error": {"code": "1001", "message": "…"}}.
const body = z.object({
  search_result: z.array(z.object({ title: z.unknown(), link: z.unknown(), content: z.unknown() }).partial()).nullish(),
});
const errorBody = z.object({ error: z.object({ message: z.string().optional() }) });

/** Zhipu (智谱) Web Search API. */
export const zhipuFormat: EngineFormat = {
  request({ query, endpoint, key, count }) {
    return {
      url: endpoint,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key ?? ''}` },
        body: JSON.stringify({
          search_query: query,
          search_engine: 'search_std',
          search_intent: false,
          count: Math.min(50, count),
          search_recency_filter: 'noLimit',
          content_size: 'medium',
        }),
      },
    };
  },
  results(json) {
    return kept((body.parse(json).search_result ?? []).map((r) => toSearchResult(r.title, r.link, r.content)));
  },
  errorText(json) {
    return errorBody.safeParse(json).data?.error.message;
  },
};
