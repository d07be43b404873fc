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
  const queries = parseQueryList(reply, maxQueries);
  return queries.length > 0 ? queries : [question.slice(0, 400)];
}

/**
 * Search queries in a model's reply, at most `max`: a JSON array of strings
 * (bare or in a code fence), or one query a line with numbering, bullets and
 * quotes removed. Preambles ("Here are the queries:"), fences, over-long lines
 * and repeats are dropped; a reply with none gives an empty list.
 */
export function parseQueryList(reply: string, max: number): string[] {
  const queries: string[] = [];
  const add = (candidate: string) => {
    const query = candidate
      .replace(/^\s*(?:[-*•]|\d+[.)、])\s*/u, '')
      .replace(/^["'“”「]+|["'“”」,，]+$/gu, '')
      .trim();
    if (!query || query.length > maxQueryLength || /[:：]$/u.test(query) || /^```|^[[\]{}]$/u.test(query)) return;
    if (queries.length < max && !queries.some((known) => known.toLowerCase() === query.toLowerCase()))
      queries.push(query);
  };
  const array = jsonArray(reply);
  if (array) array.forEach(add);
  else reply.split('\n').forEach(add);
  return queries;
}

/** The strings of the first JSON array in the reply, or null when there is none that parses. */
function jsonArray(reply: string): string[] | null {
  const start = reply.indexOf('[');
  const end = reply.lastIndexOf(']');
  if (start < 0 || end <= start) return null;
  try {
    const parsed: unknown = JSON.parse(reply.slice(start, end + 1));
    if (!Array.isArray(parsed)) return null;
    return parsed.filter((item): item is string => typeof item === 'string');
  } catch {
    return null;
  }
}
