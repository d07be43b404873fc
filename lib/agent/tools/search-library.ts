import { z } from 'zod';
import { searchLibrary as search } from '../../library/search-library';
import { wrapToolOutput } from '../../prompt/untrusted';
import { tool } from '../tool';

const maxHits = 10;

/** Keyword search over the user's saved pages (until the RAG index lands). */
export const searchLibrary = tool({
  name: 'search_library',
  description: "Searches the user's library of saved pages by keywords. Returns ids for read_saved_page.",
  input: z.object({ query: z.string().min(1).max(500) }),
  risk: 'read',
  async run({ query }) {
    const pages = (await search(query)).slice(0, maxHits);
    if (pages.length === 0) return `No saved page matches "${query}".`;
    const lines = pages.map((page) => `- id ${page.id}: ${page.title} — ${page.url}\n  ${page.excerpt ?? ''}`);
    return wrapToolOutput('search_library', lines.join('\n'));
  },
});
