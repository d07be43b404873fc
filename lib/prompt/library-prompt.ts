import type { ChatMessageParam } from '../llm/stream-completion';
import type { PromptTurn } from './chat-prompt';
import { type UntrustedNonce, untrustedContentRule, wrapUntrusted } from './untrusted';

/** One retrieved excerpt of a saved page, numbered as the answer will cite it. */
export interface LibraryExcerpt {
  readonly n: number;
  readonly title: string;
  readonly url: string;
  readonly headingPath: readonly string[];
  readonly text: string;
  /** The PDF page the excerpt starts on. */
  readonly page?: number;
}

export interface LibraryPromptInput {
  /** Earlier turns, oldest first, ending with the user's new question. */
  readonly turns: readonly PromptTurn[];
  readonly excerpts: readonly LibraryExcerpt[];
  readonly now?: Date;
  /** This request's marker nonce; earlier turns' blocks must already carry it (see rewrapUntrusted). */
  readonly nonce: UntrustedNonce;
}

/** The sentence the model is told to use when the excerpts do not answer; the UI and tests look for its meaning, not its words. */
export const notInLibraryRule =
  'If the excerpts do not contain the answer, say plainly that your saved pages do not cover it, and do not guess or use outside knowledge.';

const libraryRules = [
  'You are Aside, an assistant in the browser side panel, answering from the user\u2019s own library of saved web pages.',
  'Answer in the language of the user\u2019s question. Use Markdown. Be accurate and concise.',
  'Use only the numbered excerpts given with the question. After each statement, cite the excerpts it comes from by number in square brackets, like [1] or [2][3]. Cite only numbers that exist.',
  notInLibraryRule,
];

/**
 * Builds the messages for a question about the library: rules, then the
 * conversation, with the numbered excerpts (each wrapped as untrusted data)
 * riding on the latest question.
 */
export function buildLibraryPrompt({
  turns,
  excerpts,
  now = new Date(),
  nonce,
}: LibraryPromptInput): ChatMessageParam[] {
  const rules = [...libraryRules, untrustedContentRule(nonce), `Today is ${now.toISOString().slice(0, 10)}.`];
  const messages: ChatMessageParam[] = [{ role: 'system', content: rules.join('\n') }];
  const sources = excerpts
    .map((excerpt) => {
      const page = excerpt.page === undefined ? [] : [`page ${excerpt.page}`];
      const where = [excerpt.title, ...excerpt.headingPath, ...page].join(' › ');
      const source = { kind: 'saved page excerpt', title: where, url: excerpt.url };
      return `[${excerpt.n}] ${wrapUntrusted(excerpt.text, source, nonce)}`;
    })
    .join('\n\n');
  turns.forEach((turn, index) => {
    const isQuestion = index === turns.length - 1 && turn.role === 'user';
    const content = isQuestion
      ? `Excerpts from my saved pages:\n\n${sources}\n\nQuestion: ${turn.content}`
      : turn.content;
    messages.push({ role: turn.role, content });
  });
  return messages;
}
