import type { CapturedPage } from '../capture/page-context';
import type { ChatMessageParam } from '../llm/stream-completion';
import { attachedFilesRule } from './files-prompt';
import { type UntrustedNonce, untrustedContentRule, wrapUntrusted } from './untrusted';

export interface PromptTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface ChatPromptInput {
  /** Earlier turns, oldest first, ending with the user's new question. */
  readonly turns: readonly PromptTurn[];
  /** The page in context, already cut to the token budget, or null. */
  readonly page: (Pick<CapturedPage, 'title' | 'url' | 'lang' | 'kind'> & { readonly text: string }) | null;
  readonly now?: Date;
  /** Earlier turns carry wrapped untrusted content (an action's selection), so the rule must be stated. */
  readonly untrusted?: boolean;
  /** This request's marker nonce; earlier turns' blocks must already carry it (see rewrapUntrusted). */
  readonly nonce: UntrustedNonce;
  /** Questions in the conversation carry attached files (lib/prompt/files-prompt.ts). */
  readonly files?: boolean;
}

const basePrompt =
  'You are Aside, an assistant in the browser side panel. Answer in the language of the user\u2019s question ' +
  'unless asked otherwise. Use Markdown. Be accurate and concise; say so when the page does not contain the answer.';

/** Builds the messages for one chat turn: system rules, the page as untrusted data, then the conversation. */
export function buildChatPrompt({
  turns,
  page,
  now = new Date(),
  untrusted = false,
  nonce,
  files = false,
}: ChatPromptInput): ChatMessageParam[] {
  const system = [basePrompt, `Today is ${now.toISOString().slice(0, 10)}.`];
  const messages: ChatMessageParam[] = [];
  const isPdf = page?.kind?.kind === 'pdf';
  const isTranscript = page?.kind?.kind === 'transcript';
  if (page && isTranscript) {
    system.push(
      'The user is watching a video; its title, channel, description and transcript are given below, each transcript ' +
        'line starting with its time [mm:ss]. Base answers about "this video" or "this page" on it. When you refer to ' +
        'a moment of the video, give its time exactly as written there, in square brackets, e.g. [03:25], so the user can jump to it.',
    );
  } else if (page && isPdf) {
    system.push(
      'The user is looking at a PDF; its text is given below, each page after a line [Page N]. ' +
        'Base answers about "this page", "this PDF" or "this document" on it, and say which page something is on when it helps.',
    );
  } else if (page) {
    system.push('The user is looking at a web page; its content is given below. Base answers about "this page" on it.');
  }
  if (files) system.push(attachedFilesRule);
  if (page || untrusted) system.push(untrustedContentRule(nonce));
  messages.push({ role: 'system', content: system.join('\n') });
  turns.forEach((turn, index) => {
    const isQuestion = index === turns.length - 1 && turn.role === 'user';
    // The page rides with the latest question rather than as its own message:
    // some providers (deepseek-reasoner) reject two user messages in a row.
    const content =
      isQuestion && page
        ? `${wrapUntrusted(page.text, { kind: isTranscript ? 'video transcript' : isPdf ? 'PDF' : 'web page', title: page.title, url: page.url }, nonce)}\n\n${turn.content}`
        : turn.content;
    messages.push({ role: turn.role, content });
  });
  return messages;
}
