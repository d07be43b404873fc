import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { filterPages, type LibraryFilter, noFilter } from './filter-pages';
import { pageTerms } from './page-record';
import { libraryFacets, listPages } from './search-library';

const day = 86_400_000;
const now = 400 * day;
const hosts = ['a.com', 'www.b.org', 'c.net'];

/** 120 pages over three sites and a year, tagged in turn, some with "bridge" in the title or text. */
function pages(): PageRecord[] {
  return Array.from({ length: 120 }, (_, i) => {
    const title = i % 7 === 0 ? `Bridges of town ${i}` : `Page ${i}`;
    const markdown = i % 3 === 0 ? `Text about a bridge, number ${i}.` : `Plain text ${i}.`;
    return {
      id: `id-${i}`,
      url: `https://${hosts[i % 3]}/${i}`,
      title,
      byline: null,
      siteName: null,
      lang: 'en',
      excerpt: null,
      markdown,
      contentHash: `h${i}`,
      wordCount: 3,
      method: 'readability',
      cutAtCapture: false,
      source: 'saved',
      tags: i % 4 === 0 ? ['work'] : i % 5 === 0 ? ['read'] : [],
      savedAt: now - i * 3 * day,
      updatedAt: now - i * 3 * day,
      terms: pageTerms({ title, siteName: null, markdown }),
    };
  });
}

describe('the paged library list', () => {
  const all = pages();
  beforeEach(async () => {
    await db().pages.clear();
    await db().pages.bulkPut(all);
  });
  const ids = (list: { pages: PageRecord[] }) => list.pages.map((page) => page.id);

  it('shows the newest pages first, a window at a time, with the count of all', async () => {
    const first = await listPages('', noFilter, 50, now);
    expect(first.total).toBe(120);
    expect(ids(first)).toEqual(all.slice(0, 50).map((page) => page.id));
    expect(ids(await listPages('', noFilter, 100, now))).toEqual(all.slice(0, 100).map((page) => page.id));
  });

  it('filters from indexes exactly as filtering every page would', async () => {
    const filters: LibraryFilter[] = [
      { ...noFilter, site: 'b.org' },
      { ...noFilter, days: 30 },
      { ...noFilter, tag: 'work' },
      { site: 'a.com', days: 365, tag: 'work' },
      { site: 'c.net', days: 0, tag: 'read' },
    ];
    const newest = [...all].sort((a, b) => b.savedAt - a.savedAt);
    for (const filter of filters) {
      const expected = filterPages(newest, filter, now).map((page) => page.id);
      const list = await listPages('', filter, 10, now);
      expect(list.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(list), JSON.stringify(filter)).toEqual(expected.slice(0, 10));
    }
  });

  it('ranks a search by the query terms in the title, then newest, and pages it', async () => {
    const list = await listPages('bridges', noFilter, 5, now);
    const matching = all.filter((page) => /bridge/i.test(`${page.title} ${page.markdown}`));
    expect(list.total).toBe(matching.length);
    const inTitle = matching.filter((page) => page.title.startsWith('Bridges'));
    expect(ids(list)).toEqual(inTitle.slice(0, 5).map((page) => page.id));
    const filtered = await listPages('bridge', { ...noFilter, tag: 'work' }, 100, now);
    expect(filtered.pages.every((page) => page.tags.includes('work'))).toBe(true);
    expect(filtered.total).toBe(matching.filter((page) => page.tags.includes('work')).length);
  });

  it('offers the sites and tags the library holds', async () => {
    expect(await libraryFacets()).toEqual({ sites: ['a.com', 'b.org', 'c.net'], tags: ['read', 'work'] });
  });
});
