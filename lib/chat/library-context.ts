import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import type { LibraryExcerpt } from '../prompt/library-prompt';
import { citedPassage, passagePage, type Source } from '../rag/citations';
import { excerptHeading } from '../rag/excerpt-heading';
import { headingsBelowTitle } from '../rag/headings-below-title';
import { searchLibrary } from '../rag/library-search';
import type { RerankCost } from '../rag/rerank-hits';

/** How many excerpts a library answer is given. */
const excerptCount = 6;

export interface LibraryContext {
  readonly sources: Source[];
  readonly excerpts: LibraryExcerpt[];
  /** What reranking the excerpts cost, when it is on. */
  readonly rerank?: RerankCost;
}

/**
 * The excerpts of saved pages that a library question is answered from,
 * numbered, and the sources the answer's citations link to. With RAG-Fusion,
 * the model's rewrites of the question are searched too and fused.
 */
export async function libraryContext(question: string, rewrites: readonly string[] = []): Promise<LibraryContext> {
  const { hits, rerank } = await searchLibrary(question, excerptCount, rewrites);
  const pages = new Map<string, PageRecord>();
  for (const page of await db().pages.bulkGet([...new Set(hits.map((hit) => hit.pageId))])) {
    if (page) pages.set(page.id, page);
  }
  const sources: Source[] = [];
  const excerpts: LibraryExcerpt[] = [];
  for (const hit of hits) {
    const page = pages.get(hit.pageId);
    if (!page) continue; // deleted since it was indexed
    const n = sources.length + 1;
    // The page's H1 is usually its title: "Title › Section", never "Title › Title › Section".
    const base = { n, url: page.url, title: page.title, headingPath: headingsBelowTitle(page.title, hit.headingPath) };
    const passage = citedPassage(hit.text, question);
    const at = hit.page === undefined ? {} : { page: passagePage(hit.text, passage, hit.page) };
    // Shown to the user: a saved file under its own title, its name beside it (not "name.docx › Title").
    const heading = excerptHeading(page, hit.headingPath);
    sources.push({ ...base, ...heading, pageId: page.id, passage, ...at });
    excerpts.push({ ...base, text: hit.text, ...(hit.page === undefined ? {} : { page: hit.page }) });
  }
  return { sources, excerpts, ...(rerank ? { rerank } : {}) };
}
