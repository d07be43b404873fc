import { fetchWithinOrigin } from '../consent/fetch-within-origin';
import { readLimited } from '../web/read-limited';
import { extractReadable } from './extract-readable';
import { isPrivateAddress } from './private-address';
import type { SearchResult } from './search-result';
import type { SkippedPage } from './skipped-page';

export type { SkippedPage } from './skipped-page';

/** Bytes of a result page read at most. */
const maxPageBytes = 2_000_000;

/** A result page's main text, with what the engine said about it. */
export interface ReadResultPage {
  readonly url: string;
  readonly title: string;
  readonly markdown: string;
  readonly lang: string | null;
  readonly snippet: string;
}

export interface ReadOptions {
  /** Time for all pages together; those still loading when it runs out are skipped. */
  readonly budgetMs: number;
  readonly signal: AbortSignal;
  /** Whether pages on private network addresses may be read (only when the engine itself is on one). */
  readonly allowPrivate: boolean;
  /** Called as each page is read or skipped. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Reads result pages in parallel, within one time budget: fetched without
 * cookies from the result's own URL only (a redirect to another site is not
 * followed), HTML only, then reduced to their main text with Readability. A
 * page that times out, is not HTML or fails is skipped and listed.
 */
export async function readResultPages(
  results: readonly SearchResult[],
  options: ReadOptions,
): Promise<{ pages: ReadResultPage[]; skipped: SkippedPage[]; readMs: number }> {
  const started = performance.now();
  const budget = AbortSignal.timeout(options.budgetMs);
  const signal = AbortSignal.any([options.signal, budget]);
  let done = 0;
  const outcomes = await Promise.all(
    results.map(async (result) => {
      const outcome = await readOne(result, signal, options.allowPrivate).catch((error: unknown) => {
        if (options.signal.aborted) throw error;
        return skip(result, budget.aborted ? 'timeout' : 'unreachable');
      });
      done++;
      options.onProgress?.(done, results.length);
      return outcome;
    }),
  );
  const pages = outcomes.filter((o): o is ReadResultPage => 'markdown' in o);
  const skipped = outcomes.filter((o): o is SkippedPage => 'reason' in o);
  return { pages, skipped, readMs: performance.now() - started };
}

const skip = (result: SearchResult, reason: SkippedPage['reason'], status?: number): SkippedPage => ({
  url: result.url,
  title: result.title,
  reason,
  ...(status === undefined ? {} : { status }),
});

async function readOne(
  result: SearchResult,
  signal: AbortSignal,
  allowPrivate: boolean,
): Promise<ReadResultPage | SkippedPage> {
  if (!allowPrivate && isPrivateAddress(result.url)) return skip(result, 'private');
  const fetched = await fetchWithinOrigin(result.url, signal);
  if (fetched.kind === 'elsewhere') return skip(result, 'elsewhere');
  const { response } = fetched;
  if (!response.ok) {
    await response.body?.cancel();
    return skip(result, 'http', response.status);
  }
  if (!/text\/html|application\/xhtml\+xml/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel();
    return skip(result, 'not-html');
  }
  const { text } = await readLimited(response, maxPageBytes);
  if (signal.aborted) throw signal.reason;
  const page = await extractReadable(text, fetched.url);
  if (!page.markdown.trim()) return skip(result, 'empty');
  return {
    url: result.url,
    title: page.title || result.title,
    markdown: page.markdown,
    lang: page.lang,
    snippet: result.snippet,
  };
}
