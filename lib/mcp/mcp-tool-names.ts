/**
 * How MCP tools are named for the model: `<server slug>__<tool>`, within
 * OpenAI's function-name rule (`[a-zA-Z0-9_-]{1,64}`). Built-in tools never
 * contain `__`, so the two cannot clash.
 */
export const toolNameSeparator = '__';

/** A server's slug from its name, unique among `taken`: "My Weather!" → "myweather", then "myweather2". */
export function serverSlug(name: string, taken: readonly string[]): string {
  const letters = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '')
    .slice(0, 16);
  const base = letters || 'mcp';
  let slug = base;
  for (let n = 2; taken.includes(slug); n++) slug = `${base}${n}`;
  return slug;
}

/** The name the model calls a server's tool by; characters OpenAI refuses become `_`. */
export function qualifiedToolName(slug: string, tool: string): string {
  return `${slug}${toolNameSeparator}${tool.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

/** Whether a tool name (as a team member lists it) is an MCP tool's. */
export const isMcpToolName = (name: string): boolean => name.includes(toolNameSeparator);
