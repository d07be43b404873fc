import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { type LibraryFilter, noFilter, siteOf } from './filter-pages';
import { normalizeWord, queryTerms } from './search-terms';

/** One window of the library list, and how many pages match in all. */
export interface PageList {
  readonly pages: PageRecord[];
  readonly total: number;
}

/**
 * The first `limit` pages of the library list and how many match. Without a
 * query: newest first. With one: pages holding every term of the query, more
 * query terms in the title first, then newer saves. Which pages match and in
 * what order comes from indexes (save time, URL, tags, terms), and only the
 * records shown are read, so the list costs the same with 10 or 10,000 pages
 * (a query's matches are read whole to rank them by title).
 */
export async function listPages(
  query: string,
  filter: LibraryFilter = noFilter,
  limit = Number.POSITIVE_INFINITY,
  now = Date.now(),
): Promise<PageList> {
  const pages = db().pages;
  const terms = queryTerms(query);
  const unfiltered = filter.site === '' && filter.days <= 0 && filter.tag === '';
  if (terms.length === 0 && unfiltered) {
    const newest = pages.orderBy('savedAt').reverse();
    const [total, shown] = await Promise.all([
      pages.count(),
      (Number.isFinite(limit) ? newest.limit(limit) : newest).toArray(),
    ]);
    return { pages: shown, total };
  }
  const sets = await Promise.all([
    terms.length > 0 ? pagesWithTerms(terms) : null,
    filter.tag ? pages.where('tags').equals(filter.tag).primaryKeys() : null,
    filter.days > 0
      ? pages
          .where('savedAt')
          .aboveOrEqual(now - filter.days * 86_400_000)
          .primaryKeys()
      : null,
    filter.site ? pagesOfSite(filter.site) : null,
  ]);
  const wanted = sets.filter((set) => set !== null).map((ids) => new Set(ids));
  const newestFirst = await pages.orderBy('savedAt').reverse().primaryKeys();
  const ids = newestFirst.filter((id) => wanted.every((set) => set.has(id)));
  if (terms.length === 0) {
    return { pages: await records(ids.slice(0, Number.isFinite(limit) ? limit : undefined)), total: ids.length };
  }
  const found = await records(ids);
  const inTitle = (page: PageRecord) => {
    const title = normalizeWord(page.title);
    return terms.filter((term) => title.includes(term)).length;
  };
  // A stable sort keeps newer saves first among pages with as many title terms.
  const ranked = found.sort((a, b) => inTitle(b) - inTitle(a));
  return { pages: Number.isFinite(limit) ? ranked.slice(0, limit) : ranked, total: ranked.length };
}

/**
 * Pages matching every term of the query, best first (the whole list; see
 * listPages). An empty query lists everything, newest first.
 */
export async function searchLibrary(query: string): Promise<PageRecord[]> {
  return (await listPages(query)).pages;
}

/** Ids of pages holding every term, starting from the rarest term. */
async function pagesWithTerms(terms: readonly string[]): Promise<string[]> {
  const matches = await Promise.all(terms.map((term) => db().pages.where('terms').equals(term).primaryKeys()));
  const [first = [], ...rest] = matches.sort((a, b) => a.length - b.length);
  const others = rest.map((ids) => new Set(ids));
  return first.filter((id) => others.every((set) => set.has(id)));
}

/** Ids of the pages of a site (as siteOf names it), from the URL index. */
async function pagesOfSite(site: string): Promise<string[]> {
  const byUrl = db().pages.orderBy('url');
  const [urls, ids] = await Promise.all([byUrl.keys(), byUrl.primaryKeys()]);
  return ids.filter((_, i) => siteOf({ url: String(urls[i]) }) === site);
}

async function records(ids: readonly string[]): Promise<PageRecord[]> {
  return (await db().pages.bulkGet([...ids])).filter((page): page is PageRecord => page !== undefined);
}

/** The sites and tags the filters offer, read from the URL and tag indexes (no page is read). */
export async function libraryFacets(): Promise<{ sites: string[]; tags: string[] }> {
  const [urls, tags] = await Promise.all([db().pages.orderBy('url').keys(), db().pages.orderBy('tags').uniqueKeys()]);
  return {
    sites: [...new Set(urls.map((url) => siteOf({ url: String(url) })))].sort(),
    tags: tags.map(String).sort(),
  };
}
