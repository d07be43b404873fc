import { describe, expect, it } from 'vitest';
import { presetTeams } from '../../../lib/agent/teams/presets';
import { translator } from '../../../lib/i18n/translate';
import { agentDisplayName, teamDisplayName } from './team-names';

describe('team names', () => {
  const t = translator('en');
  it('shows a user team under its own name, even one reusing a preset’s name', () => {
    expect(teamDisplayName({ id: 'mine', name: 'Research my library' }, t)).toBe('Research my library');
    expect(teamDisplayName({ id: 'mine-2', name: 'My crew' }, t)).toBe('My crew');
  });

  it('gives every preset a non-empty name', () => {
    for (const team of presetTeams) expect(teamDisplayName(team, t).trim()).not.toBe('');
  });

  it('names members by their role and the user as You / 你', () => {
    const team = presetTeams[0];
    if (!team) throw new Error('no preset');
    expect(agentDisplayName(team, 'researcher', t)).toBe('Researcher');
    expect(agentDisplayName(team, 'user', t)).toBe('You');
    expect(agentDisplayName(team, 'user', translator('zh-CN'))).toBe('你');
    expect(agentDisplayName(team, 'left-the-team', t)).toBe('left-the-team');
  });
});
