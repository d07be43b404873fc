import { z } from 'zod';

export const agentSettingsSchema = z.object({
  /** Model requests per run before the agent stops and reports. */
  maxSteps: z.number().int().min(1).max(100),
  /** Tool calls failing in a row before the run gives up. */
  maxConsecutiveFailures: z.number().int().min(1).max(20),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;

export const defaultAgentSettings: AgentSettings = { maxSteps: 15, maxConsecutiveFailures: 4 };
