import { z } from 'zod';
import { toSearchResult } from '../search-result';
import { type EngineFormat, kept } from './engine-format';

// https://docs.searxng.org/dev/search_api.html: GET /search?q=…&format=json; the instance must
// have `json` among its search.formats (settings.yml), or it answers 403.
const body = z.object({
  results: z.array(z.object({ url: z.unknown(), title: z.unknown(), content: z.unknown() }).partial()),
});

/** SearXNG's JSON API (a self-hosted or public instance; no key). */
export const searxngFormat: EngineFormat = {
  request({ query, endpoint }) {
    // The address may be the instance's root or its /search endpoint.
    const base = endpoint.replace(/\/+$/, '');
    const url = new URL(base.endsWith('/search') ? base : `${base}/search`);
    url.searchParams.set('q', query);
    url.searchParams.set('format', 'json');
    return { url: url.href, init: { headers: { Accept: 'application/json' } } };
  },
  results(json) {
    return kept(body.parse(json).results.map((r) => toSearchResult(r.title, r.url, r.content)));
  },
};
