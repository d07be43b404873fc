import type { ChatMessageParam } from '../llm/stream-completion';
import type { LabelledText } from './carried-text';

/**
 * What a model has read, as labelled sources for the data-flow check, taken
 * from the messages it was sent: each block of untrusted content (a page, a
 * tab, a fetched URL, a library excerpt, a teammate's message) named by its
 * title, else its URL, else its kind; the user's own words as "the
 * conversation"; the rest of a tool result by its tool. The model's own
 * messages are left out: they hold the very calls being checked, and what
 * they repeat from a page is in that page.
 *
 * Blocks are found by the wrapper's markers (lib/prompt/untrusted.ts): an
 * opening `<<<NAME attributes` line, closed by the exact `NAME>>>`. Content
 * cannot fake the close, since the wrapper defuses any copy of NAME inside it.
 */

/** How the card names the conversation; the label itself is only a key. */
export const conversationLabel = 'the conversation';

const opening = /<<<(\S*UNTRUSTED\S*)([^\n]*)\n/g;

interface Block {
  readonly start: number;
  readonly end: number;
  readonly source: LabelledText;
}

function attributes(header: string): Record<string, string> {
  return Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

function blocksIn(text: string): Block[] {
  const blocks: Block[] = [];
  opening.lastIndex = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const name = match[1] ?? '';
    const bodyStart = match.index + match[0].length;
    const close = text.indexOf(`\n${name}>>>`, bodyStart - 1);
    const end = close < 0 ? text.length : close + name.length + 4;
    const { kind = 'content', title, url } = attributes(match[2] ?? '');
    blocks.push({
      start: match.index,
      end,
      source: {
        label: title?.trim() || url || kind,
        // The header goes along: a page's own URL explains links to it.
        text: text.slice(match.index, close < 0 ? text.length : close),
        // A teammate's message (lib/agent/teams/team-prompts.ts) is a model's writing.
        ...(kind.startsWith('message from ') ? { modelWritten: true } : {}),
      },
    });
    opening.lastIndex = end;
  }
  return blocks;
}

function textOf(content: ChatMessageParam['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('\n');
}

/** The blocks of a message, and what is outside them under `rest`'s label. */
function split(text: string, rest: Omit<LabelledText, 'text'>): LabelledText[] {
  const blocks = blocksIn(text);
  let outside = '';
  let at = 0;
  for (const block of blocks) {
    outside += `${text.slice(at, block.start)}\n`;
    at = block.end;
  }
  outside += text.slice(at);
  const sources = blocks.map((block) => block.source);
  return outside.trim() ? [...sources, { ...rest, text: outside }] : sources;
}

/** The labelled sources in a run's or a chat turn's messages. */
export function sourcesFromMessages(messages: readonly ChatMessageParam[]): LabelledText[] {
  const toolNames = new Map<string, string>();
  const sources: LabelledText[] = [];
  for (const message of messages) {
    if (message.role === 'assistant') {
      for (const call of message.tool_calls ?? []) {
        if (call.type === 'function') toolNames.set(call.id, call.function.name);
      }
    } else if (message.role === 'user') {
      sources.push(...split(textOf(message.content), { label: conversationLabel, conversation: true }));
    } else if (message.role === 'tool') {
      const tool = toolNames.get(message.tool_call_id) ?? 'tool';
      sources.push(...split(textOf(message.content), { label: `${tool} result` }));
    }
  }
  return sources;
}
