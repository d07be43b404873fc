import { AsideError } from '../messaging/errors';
import type { ChosenEngine } from './chosen-engine';
import { queryApiEngine, type SearchRetry } from './query-engine';
import type { SearchResult } from './search-result';

/** One search on the chosen engine: its JSON API, or (no-key mode) its results page read in a background tab. */
export async function runSearch(
  engine: ChosenEngine,
  query: string,
  count: number,
  signal: AbortSignal,
  onRetry?: (retry: SearchRetry) => void,
): Promise<SearchResult[]> {
  if (engine.kind === 'api') return queryApiEngine(engine, query, count, signal, onRetry);
  throw new AsideError('search-not-set-up', `${engine.name} in a background tab is not available yet.`, {
    params: { engine: engine.name },
    detail: 'Pick an engine with an API in settings → Web search.',
  });
}
