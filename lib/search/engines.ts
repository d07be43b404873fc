/**
 * The web search engines Aside can send a query to. Each API engine has a
 * documented endpoint (overridable: a self-hosted SearXNG, a proxy, a test
 * fixture); the no-key mode opens a results page of a search site in a
 * background tab of the user's own browser instead.
 */
export const searchEngineIds = ['searxng', 'brave', 'tavily', 'google', 'bocha', 'zhipu', 'browser'] as const;
export type SearchEngineId = (typeof searchEngineIds)[number];
export type ApiEngineId = Exclude<SearchEngineId, 'browser'>;
/** The engines reached through a documented JSON API (all but the no-key mode). */
export const apiEngineIds = [
  'searxng',
  'brave',
  'tavily',
  'google',
  'bocha',
  'zhipu',
] as const satisfies readonly ApiEngineId[];

/** Search sites whose results page the no-key mode reads. */
export const browserSites = ['bing', 'baidu', 'duckduckgo', 'google'] as const;
export type BrowserSite = (typeof browserSites)[number];

export interface ApiEngineInfo {
  readonly id: ApiEngineId;
  readonly name: string;
  /** The documented endpoint; null when the user must give one (a SearXNG instance). */
  readonly endpoint: string | null;
  readonly needsKey: boolean;
  /** Where the provider issues keys. */
  readonly keyUrl?: string;
}

export const apiEngines: Readonly<Record<ApiEngineId, ApiEngineInfo>> = {
  searxng: { id: 'searxng', name: 'SearXNG', endpoint: null, needsKey: false },
  brave: {
    id: 'brave',
    name: 'Brave Search',
    endpoint: 'https://api.search.brave.com/res/v1/web/search',
    needsKey: true,
    keyUrl: 'https://api-dashboard.search.brave.com/app/keys',
  },
  tavily: {
    id: 'tavily',
    name: 'Tavily',
    endpoint: 'https://api.tavily.com/search',
    needsKey: true,
    keyUrl: 'https://app.tavily.com/home',
  },
  google: {
    id: 'google',
    name: 'Google Programmable Search',
    endpoint: 'https://www.googleapis.com/customsearch/v1',
    needsKey: true,
    keyUrl: 'https://developers.google.com/custom-search/v1/introduction',
  },
  bocha: {
    id: 'bocha',
    name: 'Bocha (博查)',
    endpoint: 'https://api.bochaai.com/v1/web-search',
    needsKey: true,
    keyUrl: 'https://open.bochaai.com/',
  },
  zhipu: {
    id: 'zhipu',
    name: 'Zhipu Web Search (智谱)',
    endpoint: 'https://open.bigmodel.cn/api/paas/v4/web_search',
    needsKey: true,
    keyUrl: 'https://bigmodel.cn/usercenter/proj-mgmt/apikeys',
  },
};

export interface BrowserSiteInfo {
  readonly id: BrowserSite;
  readonly name: string;
  /** The results page, `{query}` standing for the encoded query. */
  readonly resultsUrl: string;
}

export const browserSiteInfo: Readonly<Record<BrowserSite, BrowserSiteInfo>> = {
  bing: { id: 'bing', name: 'Bing', resultsUrl: 'https://www.bing.com/search?q={query}' },
  baidu: { id: 'baidu', name: 'Baidu (百度)', resultsUrl: 'https://www.baidu.com/s?wd={query}' },
  // The HTML-only page: results are in the markup, not built by script.
  duckduckgo: { id: 'duckduckgo', name: 'DuckDuckGo', resultsUrl: 'https://html.duckduckgo.com/html/?q={query}' },
  google: { id: 'google', name: 'Google', resultsUrl: 'https://www.google.com/search?q={query}' },
};

/** The results page for a query: the template with `{query}` replaced by the encoded query. */
export function resultsPageUrl(template: string, query: string): string {
  return template.replaceAll('{query}', encodeURIComponent(query));
}
