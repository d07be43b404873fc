import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../db/records';
import { filterPages, noFilter, parseTags, siteOf } from './filter-pages';

const day = 86_400_000;
const now = 100 * day;
const page = (url: string, savedAt: number, tags: string[] = []) => ({ url, savedAt, tags }) as PageRecord;
const pages = [
  page('https://www.a.com/1', now - day, ['work']),
  page('https://b.org/2', now - 10 * day, ['read', 'work']),
];

describe('library filters', () => {
  it('filters by site, age and tag, together', () => {
    expect(filterPages(pages, noFilter, now)).toHaveLength(2);
    expect(filterPages(pages, { ...noFilter, site: 'a.com' }, now).map(siteOf)).toEqual(['a.com']);
    expect(filterPages(pages, { ...noFilter, days: 7 }, now).map(siteOf)).toEqual(['a.com']);
    expect(filterPages(pages, { ...noFilter, tag: 'read' }, now).map(siteOf)).toEqual(['b.org']);
    expect(filterPages(pages, { site: 'a.com', days: 0, tag: 'read' }, now)).toEqual([]);
  });

  it('parses tags typed with commas (including Chinese ones) or spaces', () => {
    expect(parseTags(' work, 读书，work  ideas ')).toEqual(['work', '读书', 'ideas']);
  });
});
