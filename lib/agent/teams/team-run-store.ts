import { db } from '../../db/database';
import { resolveProfile } from '../../settings/profiles';
import type { AgentRunRecord } from '../run-records';
import type { Team } from './team';

/** A new team run, stored before the first member speaks so the panel can show it at once. */
export async function createTeamRun(team: Team, objective: string, tabId: number | null): Promise<AgentRunRecord> {
  const lead = team.agents[0];
  const profile = await resolveProfile(lead?.profileId);
  const now = Date.now();
  const run: AgentRunRecord = {
    id: crypto.randomUUID(),
    goal: objective,
    status: 'running',
    profileId: profile.id,
    model: lead?.model || profile.model,
    tabId,
    transcript: [],
    steps: 0,
    usage: { promptTokens: 0, completionTokens: 0 },
    team: { team, objective, turns: [], tasks: [], round: 0, usage: {} },
    createdAt: now,
    updatedAt: now,
  };
  await db().runs.add(run);
  return run;
}
