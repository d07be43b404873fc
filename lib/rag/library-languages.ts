import type { Bm25Index } from './bm25';
import { openLexicalIndex } from './index-cache';
import type { LibraryLanguages } from './rewrite-prompt';

const han = /\p{Script=Han}/u;
const latin = /[a-z]/;

/** Per loaded index: its size when last looked at and what it held then. */
const seen = new WeakMap<Bm25Index, { size: number; languages: LibraryLanguages }>();

/**
 * Whether the saved library holds Chinese and English text, read from the
 * keyword index's terms (Han characters, Latin letters) rather than pages'
 * declared `lang`, which many pages lack. Looked at again when the index grows
 * or shrinks; a scan stops at the first term of each script.
 */
export async function libraryLanguages(): Promise<LibraryLanguages> {
  const index = await openLexicalIndex();
  const known = seen.get(index);
  if (known && known.size === index.size) return known.languages;
  const languages = { zh: index.someTerm((term) => han.test(term)), en: index.someTerm((term) => latin.test(term)) };
  seen.set(index, { size: index.size, languages });
  return languages;
}
