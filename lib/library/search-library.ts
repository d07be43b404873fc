import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { normalizeWord, queryTerms } from './search-terms';

/**
 * Pages matching every term of the query, best first: more query terms in the
 * title ranks higher, then newer saves. An empty query lists everything, newest first.
 */
export async function searchLibrary(query: string): Promise<PageRecord[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return db().pages.orderBy('savedAt').reverse().toArray();
  const matches = await Promise.all(terms.map((term) => db().pages.where('terms').equals(term).primaryKeys()));
  // Start from the rarest term and keep the ids every other term also has.
  const [first = [], ...rest] = matches.sort((a, b) => a.length - b.length);
  const others = rest.map((ids) => new Set(ids));
  const ids = first.filter((id) => others.every((set) => set.has(id)));
  const pages = (await db().pages.bulkGet(ids)).filter((page): page is PageRecord => page !== undefined);
  const inTitle = (page: PageRecord) => {
    const title = normalizeWord(page.title);
    return terms.filter((term) => title.includes(term)).length;
  };
  return pages.sort((a, b) => inTitle(b) - inTitle(a) || b.savedAt - a.savedAt);
}
