import { hasGrant } from '../consent/grants';
import { AsideError } from '../messaging/errors';
import type { LibraryExcerpt } from '../prompt/library-prompt';
import { citedPassage, type Source } from '../rag/citations';
import { searchModel } from '../rag/library-search';
import { webSearchSettingsItem } from '../settings/secure-settings';
import { type ChosenEngine, chosenEngine } from './chosen-engine';
import { isPrivateAddress } from './private-address';
import type { SearchRetry } from './query-engine';
import { rankWebChunks } from './rank-web-chunks';
import { readResultPages, type SkippedPage } from './read-pages';
import { runSearch } from './run-search';
import { mergeResults, type SearchResult } from './search-result';
import { webSearchScope } from './web-search-consent';

/** How many numbered excerpts a web answer is given. */
const excerptCount = 8;
/** Results asked of the engine: enough for the pages to read and a few snippets besides. */
const resultCount = 10;

/** Where a web question stands, for the panel ("Searching… Reading 3 of 5 pages…"). */
export type WebProgress =
  | { readonly stage: 'rewriting'; readonly engine: string }
  | { readonly stage: 'searching'; readonly engine: string }
  | { readonly stage: 'reading'; readonly engine: string; readonly done: number; readonly total: number }
  | { readonly stage: 'ranking'; readonly engine: string };

export interface WebContext {
  /** The engine's name, as the user knows it. */
  readonly engine: string;
  readonly sources: Source[];
  readonly excerpts: LibraryExcerpt[];
  /** Result pages that were not read, and why. */
  readonly skipped: SkippedPage[];
  /** Time spent reading the result pages (all in parallel). */
  readonly readMs: number;
}

export interface WebContextOptions {
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: WebProgress) => void;
  readonly onRetry?: (retry: SearchRetry) => void;
  /** When the settings ask for it: the model's 1–3 search queries for the question. */
  readonly rewrite?: (question: string) => Promise<string[]>;
}

/**
 * The numbered excerpts a web question is answered from: the question goes to
 * the chosen engine (only once the user allowed that engine's host), the top
 * result pages are read in parallel within the time budget, and their
 * passages are ranked against the question. No results: no sources, and the
 * caller says so instead of asking the model.
 */
export async function webContext(question: string, options: WebContextOptions): Promise<WebContext> {
  const settings = await webSearchSettingsItem.getValue();
  const engine = chosenEngine(settings);
  await requireConsent(engine);
  let queries = [question];
  if (settings.rewriteQueries && options.rewrite) {
    options.onProgress?.({ stage: 'rewriting', engine: engine.name });
    queries = await options.rewrite(question);
  }
  options.onProgress?.({ stage: 'searching', engine: engine.name });
  const lists = await Promise.all(
    queries.map((query) => runSearch(engine, query, resultCount, options.signal, options.onRetry)),
  );
  const results = mergeResults(lists);
  const empty = { engine: engine.name, sources: [], excerpts: [], skipped: [], readMs: 0 };
  if (results.length === 0) return empty;

  const toRead = results.slice(0, settings.pagesToRead);
  options.onProgress?.({ stage: 'reading', engine: engine.name, done: 0, total: toRead.length });
  const read = await readResultPages(toRead, {
    budgetMs: settings.readBudgetSeconds * 1000,
    signal: options.signal,
    // A public engine's results never steer Aside into the user's own network; a local engine's may.
    allowPrivate: isPrivateAddress(engine.origin),
    onProgress: (done, total) => options.onProgress?.({ stage: 'reading', engine: engine.name, done, total }),
  });
  options.onProgress?.({ stage: 'ranking', engine: engine.name });
  const passages =
    read.pages.length > 0
      ? (await rankWebChunks(question, read.pages, excerptCount, await searchModel().catch(() => null))).map(
          (chunk) => {
            const page = read.pages[chunk.page];
            return { url: page?.url ?? '', title: page?.title ?? '', headingPath: chunk.headingPath, text: chunk.text };
          },
        )
      : snippetPassages(results);
  const sources: Source[] = [];
  const excerpts: LibraryExcerpt[] = [];
  for (const passage of passages) {
    const n = sources.length + 1;
    const base = { n, url: passage.url, title: passage.title, headingPath: [...passage.headingPath] };
    sources.push({ ...base, pageId: '', passage: citedPassage(passage.text, question) });
    excerpts.push({ ...base, text: passage.text });
  }
  return { ...empty, sources, excerpts, skipped: read.skipped, readMs: read.readMs };
}

/** No page could be read (or none was to be): the engine's own snippets are the excerpts. */
function snippetPassages(results: readonly SearchResult[]) {
  return results
    .filter((result) => result.snippet.length > 0)
    .slice(0, excerptCount)
    .map((result) => ({ url: result.url, title: result.title, headingPath: [], text: result.snippet }));
}

/** The engine's host must have been allowed in Aside's panel; the background never asks on its own. */
async function requireConsent(engine: ChosenEngine): Promise<void> {
  if (await hasGrant(webSearchScope, engine.origin)) return;
  throw new AsideError('search-declined', `Web search on ${engine.origin} was not allowed.`, {
    params: { engine: engine.name },
  });
}
