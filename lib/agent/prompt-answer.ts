import { z } from 'zod';

// Kept apart from agent-stream-protocol.ts: lib/messaging/protocol.ts imports this, and that file imports protocol.ts.
export const consentDecisionSchema = z.enum(['once', 'always', 'deny']);
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

/** The side panel's answer to an `ask` or `consent` event (sent as the `agent.respond` request). */
export const promptAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ask'), text: z.string().min(1).max(20_000) }),
  z.object({ kind: z.literal('consent'), decision: consentDecisionSchema }),
  /** The side panel ran run_javascript's code in the sandbox. */
  z.object({
    kind: z.literal('script'),
    output: z.string().max(100_000),
    result: z.string().max(100_000).optional(),
    error: z.string().max(10_000).optional(),
    timedOut: z.boolean(),
  }),
]);
export type PromptAnswer = z.infer<typeof promptAnswerSchema>;

export type ScriptAnswer = Extract<PromptAnswer, { kind: 'script' }>;
