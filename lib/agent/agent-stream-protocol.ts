import { z } from 'zod';
import { serializedErrorSchema } from '../messaging/protocol';

export { type ConsentDecision, type PromptAnswer, promptAnswerSchema, type ScriptAnswer } from './prompt-answer';

/**
 * The side panel's window, sent with every start, resume and restart: the run
 * sees only tabs of that kind of window (incognito or not; see run-window.ts).
 * Left out, the run goes by its tab, or counts as a normal window.
 */
export const panelWindowField = { windowId: z.number().int().nullable().optional() };

/** What the side panel sends to start (or pick up) an agent run. */
export const agentStartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('start'),
    ...panelWindowField,
    goal: z.string().min(1).max(50_000),
    /** The tab the user is looking at, for get_current_page and friends. */
    tabId: z.number().int().nullable(),
    profileId: z.string().optional(),
    model: z.string().optional(),
  }),
  /** Continues an interrupted run from its stored transcript. */
  z.object({ kind: z.literal('resume'), runId: z.string(), ...panelWindowField }),
  /** Starts the same goal again as a new run. */
  z.object({ kind: z.literal('restart'), runId: z.string(), ...panelWindowField }),
]);
export type AgentStart = z.infer<typeof agentStartSchema>;

export const stepStatusSchema = z.enum(['running', 'waiting', 'ok', 'error', 'denied', 'interrupted']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** A member asks the user a question and waits for the answer. */
export const askEventSchema = z.object({
  type: z.literal('ask'),
  promptId: z.string(),
  question: z.string(),
  choices: z.array(z.string()),
  /** In a team run: the member asking. */
  agentId: z.string().optional(),
});

/** An effect tool waits for the user's consent. */
export const consentEventSchema = z.object({
  type: z.literal('consent'),
  promptId: z.string(),
  tool: z.string(),
  /** The full arguments, pretty-printed, exactly as they will be used (for a code tool: all but the code). */
  arguments: z.string(),
  /** For a tool that runs code: the code, exactly as it will run. */
  code: z.string().optional(),
  /** The full URL (or page) the call acts on, when there is one. */
  target: z.string().nullable(),
  /** The site "Always" would be granted for; null when "Always" is not offered (no site, or the call carries text). */
  site: z.string().nullable(),
  /** Text the call carries from what the run has read (lib/consent/consent-check.ts), and where it rides. */
  carried: z.array(z.object({ label: z.string(), chars: z.number(), conversation: z.boolean().optional() })).optional(),
  where: z.enum(['address', 'arguments']).optional(),
  /** The target (or arguments) decoded: percent-encoding, base64, hex. */
  decoded: z.string().optional(),
  /** The source that shows the target as a link (fetching a page's own link sends nothing new). */
  linkFrom: z.string().optional(),
  /** In a team run: the member whose call waits. */
  agentId: z.string().optional(),
  /** For an MCP server's tool: the server (name and address) and the tool's own name. */
  mcp: z.object({ server: z.string(), url: z.string(), tool: z.string() }).optional(),
});

/** Code for the side panel to run in the sandboxed page (the service worker cannot host one). */
export const scriptEventSchema = z.object({
  type: z.literal('script'),
  promptId: z.string(),
  code: z.string(),
  timeoutMs: z.number(),
});

/** Events the background streams while a run goes on. */
export const agentEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), runId: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  z.object({ type: z.literal('tool-call'), callId: z.string(), name: z.string(), arguments: z.string() }),
  z.object({
    type: z.literal('tool-result'),
    callId: z.string(),
    status: stepStatusSchema,
    preview: z.string(),
    durationMs: z.number(),
  }),
  askEventSchema,
  consentEventSchema,
  scriptEventSchema,
  /** An MCP server could not give the run its tools (down, slow, broken); the run goes on without them. */
  z.object({ type: z.literal('mcp-problem'), server: z.string(), error: serializedErrorSchema }),
  z.object({ type: z.literal('usage'), promptTokens: z.number(), completionTokens: z.number() }),
  z.object({ type: z.literal('final'), text: z.string(), reason: z.string() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema, partial: z.boolean() }),
]);
export type AgentEvent = z.infer<typeof agentEventSchema>;

export const isTerminalAgentEvent = (event: AgentEvent): boolean =>
  event.type === 'final' || event.type === 'error' || event.type === 'stopped';
