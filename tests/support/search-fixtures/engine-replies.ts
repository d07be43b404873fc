/**
 * Each engine's documented wire format, as a local fixture answers it: the
 * request it expects (method, path, parameters, where the key goes) and the
 * JSON it returns, including its documented error bodies. A request in the
 * wrong shape gets the engine's "bad request" answer, so a product that
 * drifts from the format fails its test.
 */
export type ApiEngine = 'searxng' | 'brave' | 'tavily' | 'google' | 'bocha' | 'zhipu';

export interface FixtureHit {
  readonly title: string;
  readonly url: string;
  readonly snippet: string;
}

/** What an engine received, parsed: the query it read and the key it was given. */
export interface EngineCall {
  readonly query: string | undefined;
  readonly key: string | undefined;
}

export interface EngineReply {
  readonly status: number;
  readonly body: unknown;
}

/** The path each engine answers on (its documented path, under a prefix naming the engine). */
export const enginePaths: Readonly<Record<ApiEngine, string>> = {
  searxng: '/searxng/search',
  brave: '/brave/res/v1/web/search',
  tavily: '/tavily/search',
  google: '/google/customsearch/v1',
  bocha: '/bocha/v1/web-search',
  zhipu: '/zhipu/api/paas/v4/web_search',
};

const bearer = (headers: Record<string, string | undefined>) => headers.authorization?.replace(/^Bearer /, '');

/** Reads the query and key the way each engine's documentation says they are sent; null: not that shape. */
export function readCall(
  engine: ApiEngine,
  method: string,
  params: URLSearchParams,
  headers: Record<string, string | undefined>,
  body: Record<string, unknown> | null,
): EngineCall | null {
  switch (engine) {
    case 'searxng':
      return method === 'GET' && params.get('format') === 'json'
        ? { query: params.get('q') ?? undefined, key: undefined }
        : null;
    case 'brave':
      return method === 'GET' && headers.accept?.includes('application/json')
        ? { query: params.get('q') ?? undefined, key: headers['x-subscription-token'] }
        : null;
    case 'google':
      return method === 'GET' && params.get('cx')
        ? { query: params.get('q') ?? undefined, key: params.get('key') ?? undefined }
        : null;
    case 'tavily':
    case 'bocha':
      return method === 'POST' && typeof body?.query === 'string' ? { query: body.query, key: bearer(headers) } : null;
    case 'zhipu':
      return method === 'POST' && typeof body?.search_query === 'string'
        ? { query: body.search_query, key: bearer(headers) }
        : null;
  }
}

/** A successful answer listing `hits`, in the engine's documented shape. */
export function resultsReply(engine: ApiEngine, query: string, hits: readonly FixtureHit[]): EngineReply {
  switch (engine) {
    case 'searxng':
      return {
        status: 200,
        body: {
          query,
          number_of_results: hits.length,
          results: hits.map((h, i) => ({
            url: h.url,
            title: h.title,
            content: h.snippet,
            engine: 'fixture',
            score: 1 / (i + 1),
          })),
          answers: [],
          suggestions: [],
          unresponsive_engines: [],
        },
      };
    case 'brave':
      return {
        status: 200,
        body: {
          type: 'search',
          query: { original: query },
          ...(hits.length === 0
            ? {}
            : {
                web: {
                  type: 'search',
                  results: hits.map((h) => ({ title: h.title, url: h.url, description: h.snippet })),
                },
              }),
        },
      };
    case 'tavily':
      return {
        status: 200,
        body: {
          query,
          answer: null,
          results: hits.map((h, i) => ({ ...h, content: h.snippet, score: 1 - i / 10 })),
          response_time: 0.4,
        },
      };
    case 'google':
      return {
        status: 200,
        body: {
          kind: 'customsearch#search',
          searchInformation: { totalResults: String(hits.length) },
          ...(hits.length === 0
            ? {}
            : {
                items: hits.map((h) => ({
                  kind: 'customsearch#result',
                  title: h.title,
                  link: h.url,
                  snippet: h.snippet,
                })),
              }),
        },
      };
    case 'bocha':
      return {
        status: 200,
        body: {
          code: 200,
          log_id: 'fixture',
          msg: null,
          data: {
            _type: 'SearchResponse',
            queryContext: { originalQuery: query },
            webPages: {
              totalEstimatedMatches: hits.length,
              value: hits.map((h) => ({
                id: null,
                name: h.title,
                url: h.url,
                snippet: h.snippet,
                summary: h.snippet,
                siteName: new URL(h.url).host,
              })),
            },
          },
        },
      };
    case 'zhipu':
      return {
        status: 200,
        body: {
          id: 'fixture',
          created: 1,
          search_result: hits.map((h) => ({ title: h.title, link: h.url, content: h.snippet, media: 'fixture' })),
        },
      };
  }
}

/** The engine's documented answer to a key it does not accept. */
export function badKeyReply(engine: ApiEngine): EngineReply {
  switch (engine) {
    case 'searxng':
      return { status: 403, body: 'Forbidden' };
    case 'brave':
      return {
        status: 422,
        body: {
          type: 'ErrorResponse',
          error: {
            id: 'x',
            status: 422,
            code: 'SUBSCRIPTION_TOKEN_INVALID',
            detail: 'The provided subscription token is invalid.',
            meta: {},
          },
          time: 1,
        },
      };
    case 'tavily':
      return { status: 401, body: { detail: { error: 'Unauthorized: missing or invalid API key.' } } };
    case 'google':
      return {
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
            details: [{ reason: 'API_KEY_INVALID' }],
          },
        },
      };
    case 'bocha':
      return { status: 401, body: { code: 401, log_id: 'fixture', msg: 'Invalid API KEY' } };
    case 'zhipu':
      return { status: 401, body: { error: { code: '1000', message: '身份验证失败。' } } };
  }
}

/** The engine's answer when the caller searches too often. */
export function rateLimitReply(engine: ApiEngine): EngineReply {
  if (engine === 'brave') {
    return {
      status: 429,
      body: {
        type: 'ErrorResponse',
        error: { status: 429, code: 'RATE_LIMITED', detail: 'Request rate limit exceeded for plan', meta: {} },
      },
    };
  }
  if (engine === 'bocha') return { status: 429, body: { code: 429, msg: 'Too many requests' } };
  return { status: 429, body: { error: { code: 429, message: 'Rate limit exceeded' } } };
}
