import { type AgentToolName, agentToolNames } from '../../lib/agent/tool-names';
import type { MessageKey } from '../../lib/i18n/en';
import type { Translate } from '../../lib/i18n/translate';
import { isMcpToolName, toolNameSeparator } from '../../lib/mcp/mcp-tool-names';
import { untrustedSource } from './untrusted-display';

/** An MCP tool as people know it: its server's name and the tool's title (or own name). */
export interface McpToolName {
  readonly server: string;
  readonly title: string;
}

/** What a label is made from: the tool, its arguments (JSON) and, once it ran, its result preview. */
export interface ToolCallShown {
  readonly tool: string;
  readonly arguments: string;
  readonly preview?: string;
}

const isBuiltIn = (name: string): name is AgentToolName => (agentToolNames as readonly string[]).includes(name);

/** The tool's name for people, without its subject ("Read tab", "读取标签页"). */
export function toolName(tool: string, t: Translate, mcp?: ReadonlyMap<string, McpToolName>): string {
  if (isBuiltIn(tool)) return t(`tool.${tool}` as MessageKey);
  if (isMcpToolName(tool)) {
    const known = mcp?.get(tool);
    if (known) return `${known.server} · ${known.title}`;
    // The server is gone from settings: its slug and the tool's name are all the step has left.
    const [slug = '', name = ''] = tool.split(toolNameSeparator);
    return `${slug} · ${name.replaceAll('_', ' ')}`;
  }
  return t('tool.unknown', { name: tool });
}

function parsedArguments(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** What the call is about, for people: the page's title over its address, the query, the question. */
function subject(call: ToolCallShown): string | undefined {
  const args = parsedArguments(call.arguments);
  const source = call.preview ? untrustedSource(call.preview) : {};
  switch (call.tool) {
    case 'search_library':
    case 'web_search':
      return text(args.query);
    case 'ask_user':
      return text(args.question);
    case 'open_url':
      return text(args.url);
    case 'fetch_url':
      return source.title ?? text(args.url);
    case 'get_current_page':
    case 'read_tab':
    case 'read_saved_page':
    case 'save_page':
      return source.title;
    default:
      return undefined;
  }
}

/** A one-line label for a tool call: "Read tab: Mozilla – Wikipedia", "搜索网页：…", "Weather · Forecast". */
export function toolLabel(call: ToolCallShown, t: Translate, mcp?: ReadonlyMap<string, McpToolName>): string {
  const name = toolName(call.tool, t, mcp);
  const about = subject(call);
  return about ? t('tool.withSubject', { tool: name, subject: about }) : name;
}
