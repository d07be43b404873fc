import type { ChatMessageParam } from '../llm/stream-completion';
import type { PromptTurn } from './chat-prompt';
import type { LibraryExcerpt } from './library-prompt';
import { type UntrustedNonce, untrustedContentRule, wrapUntrusted } from './untrusted';

export interface WebPromptInput {
  /** Earlier turns, oldest first, ending with the user's new question. */
  readonly turns: readonly PromptTurn[];
  /** Numbered excerpts of the result pages (or the engine's snippets), as the answer will cite them. */
  readonly excerpts: readonly LibraryExcerpt[];
  /** The engine's name, so the model can say where the excerpts come from. */
  readonly engine: string;
  readonly now?: Date;
  /** This request's marker nonce. */
  readonly nonce: UntrustedNonce;
}

/** The sentence the model is told to use when the excerpts do not answer. */
export const notInResultsRule =
  'If the excerpts do not contain the answer, say plainly that the web search did not find it, and do not guess or use outside knowledge.';

const webRules = [
  'You are Aside, an assistant in the browser side panel, answering from a web search made for the user\u2019s question.',
  'Answer in the language of the user\u2019s question. Use Markdown. Be accurate and concise.',
  'Use only the numbered excerpts given with the question. After each statement, cite the excerpts it comes from by number in square brackets, like [1] or [2][3]. Cite only numbers that exist.',
  'Web pages can be wrong, dated or written to mislead: when excerpts disagree, say so.',
  notInResultsRule,
];

/**
 * Builds the messages for a web question: rules, then the conversation, with
 * the numbered excerpts of the result pages (each wrapped as untrusted data:
 * anyone can write a web page) riding on the latest question.
 */
export function buildWebPrompt({
  turns,
  excerpts,
  engine,
  now = new Date(),
  nonce,
}: WebPromptInput): ChatMessageParam[] {
  const rules = [...webRules, untrustedContentRule(nonce), `Today is ${now.toISOString().slice(0, 10)}.`];
  const messages: ChatMessageParam[] = [{ role: 'system', content: rules.join('\n') }];
  const sources = excerpts
    .map((excerpt) => {
      const where = [excerpt.title, ...excerpt.headingPath].join(' › ');
      const source = { kind: 'web search result', title: where, url: excerpt.url };
      return `[${excerpt.n}] ${wrapUntrusted(excerpt.text, source, nonce)}`;
    })
    .join('\n\n');
  turns.forEach((turn, index) => {
    const isQuestion = index === turns.length - 1 && turn.role === 'user';
    const content = isQuestion
      ? `Excerpts of web pages found by ${engine}:\n\n${sources}\n\nQuestion: ${turn.content}`
      : turn.content;
    messages.push({ role: turn.role, content });
  });
  return messages;
}
