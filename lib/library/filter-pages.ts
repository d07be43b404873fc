import type { PageRecord } from '../db/records';

export interface LibraryFilter {
  /** A site as `siteOf` names it, or '' for all. */
  readonly site: string;
  /** Only pages saved in the last this many days; 0 for all. */
  readonly days: number;
  /** A tag, or '' for all. */
  readonly tag: string;
}

export const noFilter: LibraryFilter = { site: '', days: 0, tag: '' };

/** The site a page belongs to: its host name, without `www.`. */
export function siteOf(page: Pick<PageRecord, 'url'>): string {
  try {
    return new URL(page.url).hostname.replace(/^www\./, '');
  } catch {
    return page.url;
  }
}

export function filterPages(pages: readonly PageRecord[], filter: LibraryFilter, now = Date.now()): PageRecord[] {
  const since = filter.days > 0 ? now - filter.days * 86_400_000 : 0;
  return pages.filter(
    (page) =>
      (!filter.site || siteOf(page) === filter.site) &&
      page.savedAt >= since &&
      (!filter.tag || page.tags.includes(filter.tag)),
  );
}

/** Tags as the user types them: comma or whitespace separated, trimmed, unique, in order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，\s]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
