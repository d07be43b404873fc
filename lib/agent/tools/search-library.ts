import { z } from 'zod';
import { libraryContext } from '../../chat/library-context';
import { wrapToolOutput } from '../../prompt/untrusted';
import { tool } from '../tool';

/**
 * Searches the user's saved pages the way library questions do: keyword
 * (BM25) and meaning (local embeddings, when on) together, returning the best
 * passages with their page ids, so the agent can quote them or read the page.
 */
export const searchLibrary = tool({
  name: 'search_library',
  description:
    "Searches the user's library of saved pages by meaning and keywords. Returns the best passages with page ids for read_saved_page.",
  input: z.object({ query: z.string().min(1).max(500) }),
  risk: 'read',
  async run({ query }, context) {
    const { sources, excerpts } = await libraryContext(query);
    if (sources.length === 0) return `Nothing in the saved pages matches "${query}".`;
    const lines = sources.map((source, index) => {
      const where = [source.title, ...source.headingPath].join(' › ');
      return `- page id ${source.pageId}: ${where} — ${source.url}\n  ${excerpts[index]?.text.slice(0, 600) ?? ''}`;
    });
    return wrapToolOutput('search_library', lines.join('\n'), {}, context.nonce);
  },
});
