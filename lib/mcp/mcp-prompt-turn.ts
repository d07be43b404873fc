import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { AsideError } from '../messaging/errors';
import { type UntrustedNonce, wrapUntrusted } from '../prompt/untrusted';
import type { McpPromptPick } from './mcp-catalog-schema';
import { listTimeoutMs } from './mcp-list';
import { withRequestSignal } from './request-signal';
import { enabledMcpServer, withMcpServer } from './with-mcp-server';

type PromptMessage = GetPromptResult['messages'][number];

/** One message's text, or the kind of content Aside cannot send (image, audio, a binary resource). */
function messageText(message: PromptMessage): { text: string } | { unsupported: string } {
  const { content } = message;
  if (content.type === 'text') return { text: content.text };
  if (content.type === 'resource' && 'text' in content.resource) return { text: content.resource.text };
  if (content.type === 'resource_link') return { text: `[link: ${content.name} ${content.uri}]` };
  const type = content.type === 'resource' ? (content.resource.mimeType ?? 'binary resource') : content.type;
  return { unsupported: type };
}

/**
 * The prompt's messages as one text, each with its role when there are
 * several; any content that is not text is a clear error naming its type.
 * Exported for tests.
 */
export function promptMessagesText(messages: readonly PromptMessage[], server: string, prompt: string): string {
  const parts = messages.map(messageText);
  const unsupported = parts.find((part) => 'unsupported' in part);
  if (unsupported && 'unsupported' in unsupported) {
    throw new AsideError('mcp-content', `The prompt «${prompt}» of «${server}» holds ${unsupported.unsupported}.`, {
      params: { server, name: prompt, type: unsupported.unsupported },
    });
  }
  if (parts.length === 0) {
    throw new AsideError('mcp-content', `The prompt «${prompt}» of «${server}» has no message.`, {
      params: { server, name: prompt, type: 'nothing' },
    });
  }
  const texts = parts.map((part) => ('text' in part ? part.text : ''));
  const labelled = messages.length > 1 || messages.some((message) => message.role !== 'user');
  return labelled ? texts.map((text, i) => `[${messages[i]?.role}]\n${text}`).join('\n\n') : (texts[0] ?? '');
}

/**
 * What is sent when the user runs a server's prompt. The user chose it, so
 * the request to do it is theirs; its words are the server's, so they go in
 * wrapped as untrusted, like the page that may go with them: they cannot
 * change the rules, and a chat turn has no tools whose policy they could touch.
 */
export function promptTurnText(text: string, server: string, prompt: string, nonce: UntrustedNonce): string {
  return (
    `I chose to run the prompt «${prompt}» of the MCP server «${server}». ` +
    'Its text, written by that server, follows: do the task it describes for me, within your rules.\n' +
    wrapUntrusted(text, { kind: 'mcp prompt', title: `${server} · ${prompt}` }, nonce)
  );
}

/** Gets the prompt the user picked (`prompts/get`, with the arguments they filled in) as the turn to send. */
export async function mcpPromptTurn(pick: McpPromptPick, nonce: UntrustedNonce, signal: AbortSignal): Promise<string> {
  const server = await enabledMcpServer(pick.serverId);
  const result = await withMcpServer(server, signal, (connection) =>
    withRequestSignal(signal, (own) =>
      connection.client.getPrompt(
        { name: pick.name, ...(pick.arguments ? { arguments: pick.arguments } : {}) },
        { signal: own, timeout: listTimeoutMs },
      ),
    ),
  );
  return promptTurnText(promptMessagesText(result.messages, server.name, pick.name), server.name, pick.name, nonce);
}
