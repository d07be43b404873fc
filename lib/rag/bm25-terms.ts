import { normalizeWord } from '../library/search-terms';

const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Term frequencies of a chunk for BM25, with the same terms as the library
 * search (lib/library/search-terms.ts): Intl.Segmenter words, Latin words
 * normalized, CJK runs as characters and overlapping character pairs (so a
 * Chinese query matches however the segmenter cut the text). Counts matter
 * here, which is why this does not just call textTerms (a set).
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    let latin = '';
    let cjk: string[] = [];
    const flushLatin = () => {
      if (latin) add(normalizeWord(latin));
      latin = '';
    };
    const flushCjk = () => {
      for (const char of cjk) add(char);
      for (let i = 0; i + 1 < cjk.length; i++) add(`${cjk[i]}${cjk[i + 1]}`);
      cjk = [];
    };
    for (const char of segment) {
      if (cjkChar.test(char)) {
        flushLatin();
        cjk.push(char);
      } else {
        flushCjk();
        latin += char;
      }
    }
    flushLatin();
    flushCjk();
  }
  return counts;
}
