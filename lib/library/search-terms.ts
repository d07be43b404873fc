import { stemWord } from './stem';
import { isStopWord } from './stop-words';

/** Han ideographs, kana and hangul: scripts written without spaces between words. */
const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A segment cut into its CJK and other parts ("4o模型" → "4o", "模型"). */
const scriptParts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Lower case, compatibility forms folded, diacritics dropped: "Café" and "CAFE" become "cafe". */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The index term of a Latin-script word: normalized, then stemmed ("Bridges" → "bridg"). */
export function wordTerm(word: string): string {
  return stemWord(normalizeWord(word));
}

/**
 * Index terms of a text. Words are found with Intl.Segmenter; Latin-script
 * words become one normalized, stemmed term each. CJK runs become their single
 * characters and all their overlapping character pairs, across the
 * segmenter's word boundaries, so any Chinese query matches however the
 * segmenter happened to cut the saved text (it cuts transliterated names such
 * as 奥尔德林 into single characters).
 */
export function textTerms(text: string): string[] {
  const terms = new Set<string>();
  forEachTerm(text, (term) => terms.add(term));
  return [...terms];
}

/**
 * Calls `add` for every term occurrence of a text, repeats included (BM25
 * counts them: lib/rag/bm25-terms.ts): stemmed Latin words, CJK characters
 * and the pairs of each CJK run (a run ends at punctuation, a space or a
 * Latin character).
 */
export function forEachTerm(text: string, add: (term: string) => void): void {
  let run: string[] = [];
  const flushRun = () => {
    for (const char of run) add(char);
    for (let i = 0; i + 1 < run.length; i++) add(`${run[i]}${run[i + 1]}`);
    run = [];
  };
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) {
      flushRun();
      continue;
    }
    let latin = '';
    for (const char of segment) {
      if (cjkChar.test(char)) {
        if (latin) add(wordTerm(latin));
        latin = '';
        run.push(char);
      } else {
        flushRun();
        latin += char;
      }
    }
    if (latin) add(wordTerm(latin));
  }
  flushRun();
}

/** One word of a question, as the question's search sees it. */
export interface QueryWord {
  /** The word as written (a CJK phrase for a run of single characters). */
  readonly text: string;
  /** Its index terms: a stem, or a CJK word's character pairs (its character when alone). */
  readonly terms: readonly string[];
  /** A function word or question scaffolding (see stop-words.ts). */
  readonly stop: boolean;
}

/**
 * The words of a question with their terms. A multi-character CJK word gives
 * the pairs within it; consecutive single characters (the segmenter's cut of
 * a name it does not know) are joined again and give their pairs, so a
 * transliterated name matches through pairs however either side was cut; a
 * lone character gives itself. Pairs never straddle two words the segmenter
 * found, which would be noise ("太空|饮酒" is not "空饮").
 */
export function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  let singles = '';
  const flushSingles = () => {
    if (singles) words.push(cjkWord(singles));
    singles = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(query)) {
    if (!isWordLike) {
      flushSingles();
      continue;
    }
    for (const part of segment.match(scriptParts) ?? []) {
      if (!cjkChar.test(part)) {
        flushSingles();
        const normalized = normalizeWord(part);
        words.push({ text: part, terms: [stemWord(normalized)], stop: isStopWord(normalized) });
      } else if ([...part].length === 1 && part === segment && !isStopWord(part)) {
        singles += part;
      } else {
        flushSingles();
        words.push(cjkWord(part));
      }
    }
  }
  flushSingles();
  return words;
}

function cjkWord(text: string): QueryWord {
  const chars = [...text];
  const terms = chars.length === 1 ? chars : chars.slice(1).map((char, i) => `${chars[i]}${char}`);
  return { text, terms, stop: isStopWord(text) };
}

/** Every term of a query, stop words included (the library list's search: pages holding all of them). */
export function queryTerms(query: string): string[] {
  return [...new Set(queryWords(query).flatMap((word) => word.terms))];
}

/** The terms of a query's topic words (no stop words): what keyword search ranks by. */
export function contentTerms(query: string): string[] {
  return [
    ...new Set(
      queryWords(query)
        .filter((word) => !word.stop)
        .flatMap((word) => word.terms),
    ),
  ];
}
