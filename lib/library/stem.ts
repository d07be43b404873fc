import { stemmer } from 'stemmer';

/**
 * English stemming for search terms, so "bridge" finds "bridges" and
 * "Mozilla's" finds "Mozilla": the possessive is dropped, then the Porter
 * stemmer of the `stemmer` package (maintained, words.js) gives the stem.
 * Only plain a–z words are stemmed: numbers, codes ("4o", "int8") and other
 * scripts stay as they are. Both the saved text and the question go through
 * this, so stems only need to agree with each other, not be words.
 */
export function stemWord(word: string): string {
  const base = word.replace(/['’]s$|['’]$/u, '');
  return /^[a-z]{3,}$/.test(base) ? stemmer(base) : base;
}
