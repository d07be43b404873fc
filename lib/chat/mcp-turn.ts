import { mcpPromptTurn } from '../mcp/mcp-prompt-turn';
import { resourcePrompt } from '../mcp/mcp-resource-context';
import type { UntrustedNonce } from '../prompt/untrusted';
import type { ChatStart } from './chat-stream-protocol';

/**
 * What a turn that uses an MCP server sends instead of the typed text: the
 * question with the attached resource, or the prompt the user ran. Null for
 * any other turn. Resolved before the turn is stored, so a server that fails
 * leaves the draft in the composer and the conversation as it was.
 */
export async function mcpTurnPrompt(start: ChatStart, nonce: UntrustedNonce, signal: AbortSignal) {
  if (start.kind !== 'send') return null;
  if (start.mcpPrompt) return mcpPromptTurn(start.mcpPrompt, nonce, signal);
  if (start.mcpResource) return resourcePrompt(start.mcpResource, start.text, nonce, signal);
  return null;
}
