import { createContext, useContext, useMemo } from 'react';
import { mcpServersItem, mcpStatusItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { type McpToolName, type ToolCallShown, toolLabel, toolName } from './tool-label';

/** MCP tools by the name the model calls them (`<slug>__<tool>`): server name and tool title, as last listed. */
export function useMcpToolNames(): ReadonlyMap<string, McpToolName> {
  const servers = useStorageItem(mcpServersItem);
  const statuses = useStorageItem(mcpStatusItem);
  return useMemo(() => {
    const names = new Map<string, McpToolName>();
    for (const server of servers ?? []) {
      for (const tool of statuses?.[server.id]?.tools ?? []) {
        names.set(tool.qualifiedName, { server: server.name, title: tool.title?.trim() || tool.name });
      }
    }
    return names;
  }, [servers, statuses]);
}

/** The MCP names for the run views below it, read once by the agent view rather than by every card. */
export const McpToolNamesContext = createContext<ReadonlyMap<string, McpToolName>>(new Map());

/** Labels for tool calls in the UI language, MCP tools by server and title. */
export function useToolLabels(): {
  label: (call: ToolCallShown) => string;
  name: (tool: string) => string;
  mcp: ReadonlyMap<string, McpToolName>;
} {
  const t = useT();
  const mcp = useContext(McpToolNamesContext);
  return { label: (call) => toolLabel(call, t, mcp), name: (tool) => toolName(tool, t, mcp), mcp };
}
