import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { AsideError } from '../messaging/errors';
import { type UntrustedNonce, wrapUntrusted } from '../prompt/untrusted';
import { listTimeoutMs } from './mcp-list';
import { withRequestSignal } from './request-signal';
import { enabledMcpServer, withMcpServer } from './with-mcp-server';

/** How much of a resource's text goes into the prompt; the rest is cut, and the model is told so. */
export const resourceChars = 100_000;

/** The name of a resource as the user saw it in the picker. */
export interface ResourceLabel {
  readonly server: string;
  readonly name: string;
  readonly uri: string;
}

/**
 * A resource's contents as text, or a clear error when it is binary only:
 * Aside attaches text, and names what it left out. Exported for tests.
 */
export function resourceText(contents: ReadResourceResult['contents'], label: ResourceLabel): string {
  const texts = contents.flatMap((part) => ('text' in part && typeof part.text === 'string' ? [part.text] : []));
  const binary = contents.filter((part) => !('text' in part) || typeof part.text !== 'string');
  if (texts.length === 0) {
    const type = binary.find((part) => part.mimeType)?.mimeType ?? 'binary';
    throw new AsideError('mcp-content', `«${label.name}» of the MCP server «${label.server}» is ${type}, not text.`, {
      params: { server: label.server, name: label.name, type },
    });
  }
  const joined = texts.join('\n\n');
  const cut = joined.length > resourceChars;
  return [
    cut ? `${joined.slice(0, resourceChars)}\n[cut: the resource is longer]` : joined,
    ...binary.map((part) => `[left out: ${part.mimeType ?? 'binary'} content]`),
  ].join('\n\n');
}

/** What is sent for a question with a resource attached: the question, then the resource wrapped as untrusted. */
export function withResource(question: string, text: string, label: ResourceLabel, nonce: UntrustedNonce): string {
  const title = `${label.server} · ${label.name}`;
  return (
    `${question}\n\nI attached the resource «${label.name}» of the MCP server «${label.server}»:\n` +
    wrapUntrusted(text, { kind: 'mcp resource', title, url: label.uri }, nonce)
  );
}

/**
 * Reads the resource the user picked (`resources/read`) from an enabled
 * server. Picking it in the panel is the user's own act, like attaching a
 * file: no further consent is asked. The text is the server's, so it goes
 * into the prompt wrapped as untrusted.
 */
export async function resourcePrompt(
  pick: { serverId: string; uri: string; name: string },
  question: string,
  nonce: UntrustedNonce,
  signal: AbortSignal,
): Promise<string> {
  const server = await enabledMcpServer(pick.serverId);
  const result = await withMcpServer(server, signal, (connection) =>
    withRequestSignal(signal, (own) =>
      connection.client.readResource({ uri: pick.uri }, { signal: own, timeout: listTimeoutMs }),
    ),
  );
  const label = { server: server.name, name: pick.name, uri: pick.uri };
  return withResource(question, resourceText(result.contents, label), label, nonce);
}
