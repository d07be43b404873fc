import { z } from 'zod';
import { wrapToolOutput } from '../../prompt/untrusted';
import { chosenEngine } from '../../search/chosen-engine';
import { resultsPageUrl } from '../../search/engines';
import { runSearch } from '../../search/run-search';
import { webSearchSettingsItem } from '../../settings/secure-settings';
import { tool } from '../tool';

/** Results the agent is given per search. */
const resultCount = 8;

/** Where the query goes, as the consent card shows it: the engine's address with the query. */
async function searchTarget(query: string): Promise<string> {
  const engine = chosenEngine(await webSearchSettingsItem.getValue());
  if (engine.kind === 'browser') return resultsPageUrl(engine.template, query);
  const url = new URL(engine.endpoint);
  url.searchParams.set('q', query);
  return url.href;
}

/**
 * Searches the web with the engine chosen in the options page. An effect: the
 * query leaves the browser for the engine (and could carry what the run has
 * read), so the user sees the engine's address with the query and allows it.
 * Returns titles, addresses and snippets; the agent reads a page with fetch_url.
 */
export const webSearch = tool({
  name: 'web_search',
  description:
    'Searches the web with the search engine the user chose. Returns result titles, URLs and snippets; read a result with fetch_url. Needs the user to allow it.',
  input: z.object({ query: z.string().trim().min(1).max(400) }),
  risk: 'effect',
  async target({ query }) {
    return searchTarget(query);
  },
  async run({ query }, context) {
    const engine = chosenEngine(await webSearchSettingsItem.getValue());
    const results = await runSearch(engine, query, resultCount, context.signal);
    if (results.length === 0) return `${engine.name} found nothing for "${query}".`;
    const lines = results
      .slice(0, resultCount)
      .map((result, i) => `${i + 1}. ${result.title} — ${result.url}\n   ${result.snippet.slice(0, 400)}`);
    return wrapToolOutput('web_search', lines.join('\n'), { title: `${engine.name}: ${query}` }, context.nonce);
  },
});
