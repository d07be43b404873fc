import type { ChatMessageParam } from '../llm/stream-completion';

/** Queries the model may make of one question. */
const maxQueries = 3;
const maxQueryLength = 200;

/** The request that asks the model for search queries (the question is the user's own words, not page text). */
export function rewritePrompt(question: string): ChatMessageParam[] {
  return [
    {
      role: 'system',
      content: [
        'Turn the user’s question into 1 to 3 short web search queries that together find what answers it.',
        'Write them in the language of the question. Reply with the queries only, one per line, without numbering or quotes.',
      ].join('\n'),
    },
    { role: 'user', content: question },
  ];
}

/**
 * The queries in the model's reply: one per line, numbering, bullets and
 * quotes removed, duplicates dropped, at most three. The question itself when
 * the reply has none, so a bad rewrite never leaves a search without a query.
 */
export function parseQueries(reply: string, question: string): string[] {
  const queries: string[] = [];
  for (const line of reply.split('\n')) {
    const query = line
      .replace(/^\s*(?:[-*•]|\d+[.)、])\s*/u, '')
      .replace(/^["'“”「]+|["'“”」]+$/gu, '')
      .trim()
      .slice(0, maxQueryLength);
    if (query && !queries.some((known) => known.toLowerCase() === query.toLowerCase())) queries.push(query);
    if (queries.length === maxQueries) break;
  }
  return queries.length > 0 ? queries : [question.slice(0, 400)];
}
