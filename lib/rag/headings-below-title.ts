import { normalizeWord } from '../library/search-terms';

const comparable = (text: string) => normalizeWord(text).replace(/\s+/g, ' ').trim();

/**
 * A chunk's heading path without the headings that only repeat its page's
 * title (a page's H1 is usually its title): the excerpt heading reads
 * "Title › Section", not "Title › Title › Section", and the title is not
 * counted twice by keyword search (it has a field of its own).
 */
export function headingsBelowTitle(title: string, headingPath: readonly string[]): string[] {
  const name = comparable(title);
  let skip = 0;
  while (skip < headingPath.length && name !== '' && comparable(headingPath[skip] as string) === name) skip++;
  return headingPath.slice(skip);
}
