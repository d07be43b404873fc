import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

type Block = CallToolResult['content'][number];

/** One content block as text the model can read; binary content is named, not inlined. */
function blockText(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'image':
    case 'audio':
      return `[${block.type}: ${block.mimeType}]`;
    case 'resource':
      return 'text' in block.resource ? block.resource.text : `[resource: ${block.resource.uri}]`;
    case 'resource_link':
      return `[link: ${block.name} ${block.uri}]`;
    default:
      return '';
  }
}

/**
 * A tool's result as one text: its content blocks, or its structured content
 * as JSON when it has no text. Whatever it says is the server's: the caller
 * wraps it as untrusted.
 */
export function resultText(result: Pick<CallToolResult, 'content' | 'structuredContent'>): string {
  const text = (result.content ?? []).map(blockText).filter(Boolean).join('\n\n');
  if (text) return text;
  return result.structuredContent ? JSON.stringify(result.structuredContent, null, 2) : '(no content)';
}
