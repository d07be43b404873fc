import { z } from 'zod';

/** What the agent may do with one MCP tool: ask each time (the default), call it freely, or not see it at all. */
export const mcpToolPolicies = ['ask', 'allow', 'off'] as const;
export type McpToolPolicy = (typeof mcpToolPolicies)[number];

/** How a server wants its credentials: none, `Authorization: Bearer …`, or a header of its own. */
export const mcpAuthKinds = ['none', 'bearer', 'header'] as const;
export type McpAuthKind = (typeof mcpAuthKinds)[number];

/**
 * Headers a custom credential header may not be: the browser sets or refuses
 * them, or the MCP transport owns them.
 */
const reservedHeaders = new Set([
  'accept',
  'connection',
  'content-length',
  'content-type',
  'cookie',
  'host',
  'last-event-id',
  'mcp-protocol-version',
  'mcp-session-id',
  'origin',
  'referer',
]);

/** An HTTP header name (RFC 9110 token) that Aside may set. */
export const headerNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/)
  .refine((name) => !reservedHeaders.has(name.toLowerCase()) && !/^(sec|proxy)-/i.test(name));

/** An http(s) address without credentials in it. */
export const mcpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  });

/** One configured MCP server (IndexedDB, lib/settings/secure-settings.ts). Its token lives with the API keys. */
export const mcpServerSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1).max(60),
  /** Its tools are named `<slug>__<tool>`; fixed when the server is added, so team members keep their tools. */
  slug: z.string().regex(/^[a-z][a-z0-9]{0,19}$/),
  url: mcpUrlSchema,
  enabled: z.boolean(),
  auth: z.enum(mcpAuthKinds),
  /** For `auth: 'header'`: the header's name. */
  headerName: headerNameSchema.optional(),
  /** Whether a token (or header value) is stored; the value itself never leaves the background. */
  hasSecret: z.boolean(),
  /** Per tool (its name on the server): a tool not listed here asks. */
  policies: z.record(z.string().max(200), z.enum(mcpToolPolicies)),
});
export type McpServer = z.infer<typeof mcpServerSchema>;

/** What the options page's form submits. */
export const mcpServerDraftSchema = mcpServerSchema
  .pick({ name: true, url: true, enabled: true, auth: true, headerName: true })
  .extend({ id: z.string().min(1).max(80).optional() });
export type McpServerDraft = z.infer<typeof mcpServerDraftSchema>;

/** A server's tool policy; Ask unless the user chose otherwise. */
export const policyOf = (server: McpServer, tool: string): McpToolPolicy => server.policies[tool] ?? 'ask';
