import type OpenAI from 'openai';
import { createClient } from '../../llm/client';
import { isLocalURL } from '../../llm/presets';
import { getApiKey } from '../../settings/api-keys';
import { resolveProfile } from '../../settings/profiles';
import { activeProfileItem } from '../../settings/secure-settings';
import type { AgentTool } from '../tool';
import { type ToolMode, toolModeFor } from '../tool-modes';
import type { TeamAgent } from './team';

/** A member ready to talk: its provider's client, model and tools. */
export interface MemberSetup {
  readonly client: OpenAI;
  readonly profileId: string;
  readonly model: string;
  readonly temperature?: number;
  readonly local: boolean;
  toolMode: ToolMode;
  readonly tools: readonly AgentTool[];
}

/**
 * Resolves each member's profile (its own, or the active one), key and model
 * once per run; members on the same profile share a client. Tools a member
 * lists that do not exist here (another build, an edited file) are left out.
 */
export async function setUpMembers(
  agents: readonly TeamAgent[],
  available: readonly AgentTool[],
): Promise<Map<string, MemberSetup>> {
  const clients = new Map<string, OpenAI>();
  const members = new Map<string, MemberSetup>();
  for (const agent of agents) {
    const profile = await resolveProfile(agent.profileId);
    let client = clients.get(profile.id);
    if (!client) {
      client = createClient({ baseURL: profile.baseURL, apiKey: await getApiKey(profile) });
      clients.set(profile.id, client);
    }
    // A member on a profile that no longer exists falls back to the active profile and its model.
    const ownProfile = !agent.profileId || agent.profileId === profile.id;
    const selection = agent.profileId ? null : await activeProfileItem.getValue();
    const active = selection?.profileId === profile.id ? selection.model : undefined;
    const model = (ownProfile ? agent.model : undefined) || active || profile.model;
    members.set(agent.id, {
      client,
      profileId: profile.id,
      model,
      ...(profile.temperature === undefined ? {} : { temperature: profile.temperature }),
      local: isLocalURL(profile.baseURL),
      toolMode: await toolModeFor(profile.id),
      tools: available.filter((tool) => agent.tools.includes(tool.name)),
    });
  }
  return members;
}
