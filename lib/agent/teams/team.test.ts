import { describe, expect, it } from 'vitest';
import { agentTools } from '../registry';
import { presetTeams } from './presets';
import { teamFileSchema, teamSchema } from './team';
import { parseTeamFile, toTeamFile } from './team-store';

const debateTeam = (debaters: number) => ({
  id: 'mine',
  name: 'Mine',
  description: '',
  pattern: 'debate',
  agents: [
    ...Array.from({ length: debaters }, (_, index) => ({
      id: `d${index}`,
      name: `D${index}`,
      duty: 'debater',
      instructions: '',
      tools: [],
    })),
    { id: 'judge', name: 'Judge', duty: 'judge', instructions: '', tools: [] },
  ],
  limits: { rounds: 1, stepsPerTurn: 2, maxTokens: 10_000 },
});

describe('team definitions', () => {
  it('every preset is a valid team whose tools exist', () => {
    const names = new Set(agentTools.map((tool) => tool.name));
    for (const team of presetTeams) {
      expect(teamSchema.safeParse(team).success, team.id).toBe(true);
      for (const agent of team.agents) for (const name of agent.tools) expect(names.has(name), name).toBe(true);
    }
    expect(new Set(presetTeams.map((team) => team.pattern))).toEqual(
      new Set(['task-list', 'role-play', 'debate', 'group-chat']),
    );
  });

  it('checks duty counts per pattern and says what is wrong', () => {
    const one = teamSchema.safeParse(debateTeam(1));
    expect(one.success).toBe(false);
    expect(one.error?.issues.map((issue) => issue.message)).toContain('a debate team needs 2–6 debater(s), not 1');
    expect(teamSchema.safeParse(debateTeam(2)).success).toBe(true);
    const wrongDuty = { ...debateTeam(2), pattern: 'role-play' };
    const messages = teamSchema.safeParse(wrongDuty).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('a role-play team has no "debater" duty');
    expect(messages).toContain('a role-play team needs 1 instructor(s), not 0');
  });

  it('rejects duplicate member ids', () => {
    const team = debateTeam(2);
    team.agents[1] = { ...(team.agents[1] as (typeof team.agents)[number]), id: 'd0' };
    expect(teamSchema.safeParse(team).error?.issues[0]?.message).toBe('agent ids must be unique');
  });

  it('round-trips teams through the export file and refuses a broken one', () => {
    const file = JSON.stringify(toTeamFile(presetTeams));
    expect(parseTeamFile(file)).toEqual(presetTeams);
    expect(teamFileSchema.safeParse({ format: 'aside-teams', version: 2, teams: [] }).success).toBe(false);
    expect(() => parseTeamFile('{"format":"aside-teams","version":1,"teams":[{"id":"x"}]}')).toThrow();
  });
});
