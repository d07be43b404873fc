import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import type { AgentTool } from '../agent/tool';
import { clip } from '../agent/tool-text';
import { AsideError } from '../messaging/errors';
import { wrapToolOutput } from '../prompt/untrusted';
import type { McpConnection } from './mcp-connect';
import { mcpError } from './mcp-errors';
import type { ListedTool } from './mcp-list';
import { resultText } from './mcp-result-text';
import type { McpServer, McpToolPolicy } from './mcp-server-config';
import { withRequestSignal } from './request-signal';

/** How long one tool call may take before the run is told the server did not answer. */
export const callTimeoutMs = 60_000;

/**
 * One MCP tool as an agent tool, named `<slug>__<tool>`. Policy Ask makes it
 * it ask (consent card with the server, the tool and the full arguments);
 * Allow runs it directly, unless its arguments carry text the run has read. Its result is the server's words, so it is always
 * wrapped as untrusted with the run's nonce; a failure becomes an error the
 * model reads, naming the server but not repeating the server's own text
 * outside the wrapper.
 */
export function mcpAgentTool(
  server: McpServer,
  listed: ListedTool & { readonly check: { readonly ok: true } },
  policy: Exclude<McpToolPolicy, 'off'>,
  connection: McpConnection,
): AgentTool {
  const source = { title: `${server.name} · ${listed.name}`, url: server.url };
  return {
    name: listed.qualifiedName,
    description: `[MCP server «${server.name}»] ${listed.title ? `${listed.title}: ` : ''}${listed.description}`.trim(),
    input: listed.check.input,
    parameters: listed.check.parameters,
    // Allow still goes through consent, which lets it run unless its arguments carry text the run has read.
    risk: 'effect',
    allowedUnlessCarrying: policy === 'allow',
    mcp: { server: server.name, url: server.url, tool: listed.name },
    async run(input, context) {
      let result: Awaited<ReturnType<McpConnection['client']['callTool']>>;
      try {
        result = await withRequestSignal(context.signal, (signal) =>
          connection.client.callTool(
            { name: listed.name, arguments: input as Record<string, unknown> },
            CallToolResultSchema,
            { signal, timeout: callTimeoutMs },
          ),
        );
      } catch (thrown) {
        const error = mcpError(thrown, server.name, context.signal);
        throw new AsideError(error.code, error.message);
      }
      const text = clip(resultText(result as Parameters<typeof resultText>[0]));
      const wrapped = wrapToolOutput(listed.qualifiedName, text, source, context.nonce);
      return result.isError ? `The tool reported an error:\n${wrapped}` : wrapped;
    },
  };
}
