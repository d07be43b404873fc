import { searchInBackgroundTab } from './browser-search';
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
  return (await searchInBackgroundTab(engine, query, signal)).slice(0, count);
}
