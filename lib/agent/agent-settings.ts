import { storage } from 'wxt/utils/storage';

export interface AgentSettings {
  /** Model requests per run before the agent stops and reports. */
  readonly maxSteps: number;
  /** Tool calls failing in a row before the run gives up. */
  readonly maxConsecutiveFailures: number;
}

export const defaultAgentSettings: AgentSettings = { maxSteps: 15, maxConsecutiveFailures: 4 };

export const agentSettingsItem = storage.defineItem<AgentSettings>('local:agentSettings', {
  fallback: defaultAgentSettings,
  version: 1,
});
