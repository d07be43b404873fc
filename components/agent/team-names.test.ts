import { describe, expect, it } from 'vitest';
import { presetTeams } from '../../lib/agent/teams/presets';
import { dutiesByPattern, type Team, teamPatterns } from '../../lib/agent/teams/team';
import { translator } from '../../lib/i18n/translate';
import { dutyLabel, patternLabel, teamAgentDisplayName, teamDisplayDescription, teamDisplayName } from './team-names';

const en = translator('en');
const zh = translator('zh-CN');

describe('team names', () => {
  it('translates every preset, its description and its members, and matches the English in code', () => {
    for (const team of presetTeams) {
      expect(teamDisplayName(team, en)).toBe(team.name);
      expect(teamDisplayDescription(team, en)).toBe(team.description);
      expect(teamDisplayName(team, zh)).not.toBe(team.name);
      expect(teamDisplayDescription(team, zh)).not.toBe(team.description);
      for (const agent of team.agents) {
        expect(teamAgentDisplayName(team, agent, en)).toBe(agent.name);
        expect(teamAgentDisplayName(team, agent, zh)).not.toBe(agent.name);
      }
    }
  });

  it('keeps the user’s own names, even for a copy of a preset', () => {
    const preset = presetTeams[1] as Team;
    const mine = { ...preset, id: 'team-debate-an-answer', name: 'Debate an answer' };
    expect(teamDisplayName(mine, zh)).toBe('Debate an answer');
    expect(teamAgentDisplayName(mine, mine.agents[0] as Team['agents'][number], zh)).toBe('Debater A');
  });

  it('names every pattern and duty in both languages', () => {
    for (const pattern of teamPatterns) {
      expect(patternLabel(pattern, zh)).not.toBe(patternLabel(pattern, en));
      for (const duty of dutiesByPattern[pattern]) expect(dutyLabel(duty, zh)).not.toBe(dutyLabel(duty, en));
    }
    expect(patternLabel('debate', zh)).toBe('辩论');
    expect(dutyLabel('judge', en)).toBe('Judge');
  });
});
