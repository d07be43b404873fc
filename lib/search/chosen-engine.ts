import { AsideError } from '../messaging/errors';
import { type ApiEngineId, apiEngines, type BrowserSite, browserSiteInfo, resultsPageUrl } from './engines';
import type { WebSearchSettings } from './search-settings';

/** The engine a search goes to, resolved from the settings: where, and under which name the user knows it. */
export type ChosenEngine =
  | {
      readonly kind: 'api';
      readonly id: ApiEngineId;
      readonly name: string;
      readonly endpoint: string;
      /** The only origin the query (and the engine's key) is sent to. */
      readonly origin: string;
      readonly needsKey: boolean;
      /** Google Programmable Search's engine id. */
      readonly cx: string;
    }
  | {
      readonly kind: 'browser';
      readonly id: 'browser';
      readonly site: BrowserSite;
      readonly name: string;
      /** The results page template (`{query}`). */
      readonly template: string;
      readonly origin: string;
    };

/**
 * The engine the settings choose, or `search-not-set-up` naming what is
 * missing (a SearXNG instance without an address, Google without its `cx`).
 */
export function chosenEngine(settings: WebSearchSettings): ChosenEngine {
  if (settings.engine === 'browser') {
    const site = browserSiteInfo[settings.browserSite];
    const template = settings.browserUrls[site.id] ?? site.resultsUrl;
    return {
      kind: 'browser',
      id: 'browser',
      site: site.id,
      name: site.name,
      template,
      origin: new URL(resultsPageUrl(template, 'q')).origin,
    };
  }
  const info = apiEngines[settings.engine];
  const endpoint = settings.endpoints[info.id] ?? info.endpoint;
  const missing = (what: string) =>
    new AsideError('search-not-set-up', `${info.name} needs ${what} in settings.`, {
      params: { engine: info.name },
      detail: what,
    });
  if (!endpoint) throw missing('the address of your instance');
  if (info.id === 'google' && !settings.googleCx) throw missing('the search engine id (cx)');
  return {
    kind: 'api',
    id: info.id,
    name: info.name,
    endpoint,
    origin: new URL(endpoint).origin,
    needsKey: info.needsKey,
    cx: settings.googleCx,
  };
}
