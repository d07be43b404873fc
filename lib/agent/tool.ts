import type { z } from 'zod';
import type { UntrustedNonce } from '../prompt/untrusted-nonce';
import type { ScriptAnswer } from './prompt-answer';

/** `read` tools run directly; `effect` tools act outside Aside and wait for the user's consent. */
export type ToolRisk = 'read' | 'effect';

/** What a running tool may use besides its arguments. */
export interface ToolContext {
  /** The tab the side panel was looking at when the run started, if any. */
  readonly tabId: number | null;
  /** The panel's window, where tabs the run opens go; null when the run was started without one. */
  readonly windowId: number | null;
  /** Whether the run belongs to an incognito window: it sees only tabs of its own kind (see tab-access.ts). */
  readonly incognito: boolean;
  /** The nonce the run's untrusted-content markers carry: tool results wrap with it (see run-nonce.ts). */
  readonly nonce: UntrustedNonce;
  readonly signal: AbortSignal;
  /** Asks the user a question in the side panel and waits for the answer, however long it takes. */
  ask(question: string, choices: readonly string[]): Promise<string>;
  /** Runs JavaScript in the sandboxed page, killed after `timeoutMs`. */
  runScript(code: string, timeoutMs: number): Promise<ScriptAnswer>;
}

/**
 * One agent tool. `run` returns the text the model reads; content from pages,
 * tabs, fetches or the library must come back through `wrapToolOutput` with `context.nonce`.
 * Methods (not arrow properties) keep a registry of differently typed tools assignable.
 */
export interface AgentTool<I extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly input: I;
  readonly risk: ToolRisk;
  /** The JSON Schema the model sees, when the tool came with one (an MCP server's); otherwise made from `input`. */
  readonly parameters?: Record<string, unknown>;
  /**
   * The user allowed this effect tool in settings (an MCP tool set to Allow): it runs without asking, unless the
   * call carries text the run has read, which asks like any other (an "Always" never covers that either).
   */
  readonly allowedUnlessCarrying?: boolean;
  /** For an MCP server's tool: the server and the tool's own name, shown on the consent card. */
  readonly mcp?: { readonly server: string; readonly url: string; readonly tool: string };
  /**
   * Consent is asked the first time in a run (in a team run: the first time for each member), then holds for
   * the rest of it (no site to grant to).
   */
  readonly consentPerRun?: boolean;
  /** For tools that run code: the code, which the consent prompt shows as code, and the other arguments. */
  consentCode?(input: z.output<I>): { readonly code: string; readonly otherArguments: object };
  /** For effect tools: the exact target (a URL, or the site a tab shows), shown in the consent prompt. */
  target?(input: z.output<I>, context: ToolContext): Promise<string | null>;
  run(input: z.output<I>, context: ToolContext): Promise<string>;
}

/** Builds a tool; exists only so the input type flows from the schema into `run`. */
export function tool<I extends z.ZodType>(definition: AgentTool<I>): AgentTool<I> {
  return definition;
}
