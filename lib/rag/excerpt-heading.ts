import type { PageRecord } from '../db/records';
import { normalizeWord } from '../library/search-terms';
import { headingsBelowTitle } from './headings-below-title';

/** How a library excerpt is headed where the user sees it (an answer's sources). */
export interface ExcerptHeading {
  /** The page's title, or a saved file's own title (the heading it opens with). */
  readonly title: string;
  /** The headings above the passage, below that title. */
  readonly headingPath: string[];
  /** A saved file shown under its own title: the file's name, for the source line. */
  readonly file?: string;
}

/** A Markdown text's opening heading (`# Title` before any other text), or null. */
function openingHeading(markdown: string): string | null {
  const line = /^\s*#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  if (!line || markdown.slice(0, line.index).trim() !== '') return null;
  return line[1]?.trim() || null;
}

const same = (a: string, b: string) => normalizeWord(a).trim() === normalizeWord(b).trim();

/**
 * A page reads "Title › Section" (the H1 that repeats its title left out). A
 * saved file's title is its name, and its Markdown usually opens with its own
 * title: rather than "tides.docx › Tide tables › Section", it reads "Tide
 * tables › Section", with the file's name beside it in the source line.
 */
export function excerptHeading(
  page: Pick<PageRecord, 'title' | 'markdown' | 'kind'>,
  headingPath: readonly string[],
): ExcerptHeading {
  const own = page.kind?.kind === 'file' ? openingHeading(page.markdown) : null;
  if (!own || same(own, page.title))
    return { title: page.title, headingPath: headingsBelowTitle(page.title, headingPath) };
  return { title: own, headingPath: headingsBelowTitle(own, headingPath), file: page.title };
}
