import type { ChatMessageParam } from '../llm/stream-completion';
import { parseQueryList } from '../search/rewrite-queries';

/** The two languages Aside's search and rewrites know apart. */
export type QueryLanguage = 'zh' | 'en';

/** The most rewrites kept from a reply. */
export const maxRewrites = 4;

const han = /\p{Script=Han}/gu;
const latinWord = /[A-Za-z\u00C0-\u024F]+/g;

/** A question's language: Chinese when it has at least as many Han characters as Latin-script words. */
export function questionLanguage(question: string): QueryLanguage {
  const hanCount = question.match(han)?.length ?? 0;
  const latinCount = question.match(latinWord)?.length ?? 0;
  return hanCount > 0 && hanCount >= latinCount ? 'zh' : 'en';
}

/** Which languages the saved library holds text in. */
export interface LibraryLanguages {
  readonly zh: boolean;
  readonly en: boolean;
}

/**
 * What the rewrites are written in: the question's language, and the other
 * one too when the library holds pages in it (a Chinese question then also
 * finds English pages by their own words, and the other way round).
 */
export function rewriteLanguages(question: string, library: LibraryLanguages): QueryLanguage[] {
  const own = questionLanguage(question);
  const other: QueryLanguage = own === 'zh' ? 'en' : 'zh';
  return library[other] ? [own, other] : [own];
}

const languageName: Record<QueryLanguage, string> = { zh: 'Simplified Chinese', en: 'English' };

/**
 * The rewrite request: the question alone (the user's own words; no page
 * text, no excerpt), asking for a JSON array of 2–4 search queries: three in
 * the question's language, or two and one in the other language.
 */
export function libraryRewritePrompt(question: string, languages: readonly QueryLanguage[]): ChatMessageParam[] {
  const [own = 'en', other] = languages;
  const wanted = other ? `2 in ${languageName[own]} and 1 in ${languageName[other]}` : `3 in ${languageName[own]}`;
  return [
    {
      role: 'system',
      content: [
        'You rewrite a question into search queries for a personal library of saved web pages.',
        `Write ${wanted}: each a different wording of the question, or one aspect of it, using the words a page answering it would use.`,
        'Reply with a JSON array of strings only, e.g. ["first query", "second query", "third query"].',
      ].join('\n'),
    },
    { role: 'user', content: question },
  ];
}

/** The rewrites in the model's reply (JSON array or one a line), the question itself left out; none for junk. */
export function parseRewrites(reply: string, question: string): string[] {
  const asked = question.trim().toLowerCase();
  // Reasoning models served without a reasoning field put their thinking in the text.
  const answer = reply.replace(/<think>[\s\S]*?(?:<\/think>|$)/gu, '');
  return parseQueryList(answer, maxRewrites + 1)
    .filter((query) => query.toLowerCase() !== asked)
    .slice(0, maxRewrites);
}
