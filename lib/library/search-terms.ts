/** Han ideographs, kana and hangul: scripts written without spaces between words. */
const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Lower case, compatibility forms folded, diacritics dropped: "Café" and "CAFE" become "cafe". */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Index terms of a text. Words are found with Intl.Segmenter; Latin-script
 * words become one normalized term each. CJK runs become their single
 * characters and overlapping character pairs, so any Chinese query matches
 * however the segmenter happened to cut the saved text into words.
 */
export function textTerms(text: string): string[] {
  const terms = new Set<string>();
  forEachTerm(text, true, (term) => terms.add(term));
  return [...terms];
}

/** Terms a query must all match. Single CJK characters count only when the run has no pairs. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  forEachTerm(query, false, (term) => terms.add(term));
  return [...terms];
}

/**
 * Calls `add` for every term occurrence of a text, repeats included (BM25
 * counts them: lib/rag/bm25-terms.ts). `withUnigrams`: CJK runs also yield
 * their single characters, not only their pairs.
 */
export function forEachTerm(text: string, withUnigrams: boolean, add: (term: string) => void): void {
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike) addTerms(segment, { add }, withUnigrams);
  }
}

function addTerms(segment: string, into: { add(term: string): unknown }, withUnigrams: boolean): void {
  let latin = '';
  let cjk: string[] = [];
  const flushLatin = () => {
    if (latin) into.add(normalizeWord(latin));
    latin = '';
  };
  const flushCjk = () => {
    if (withUnigrams || cjk.length === 1) for (const char of cjk) into.add(char);
    for (let i = 0; i + 1 < cjk.length; i++) into.add(`${cjk[i]}${cjk[i + 1]}`);
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
