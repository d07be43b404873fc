import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { presetTeams } from './presets';
import type { Team } from './team';
import { teamProblems } from './team-problems';

const en = translator('en');
const zh = translator('zh-CN');
const debate = presetTeams[1] as Team;

describe('teamProblems', () => {
  it('finds none in a valid team', () => {
    for (const team of presetTeams) expect(teamProblems(team, en)).toEqual([]);
  });

  it('says how many members of a duty a pattern needs, in both languages', () => {
    const one = { ...debate, agents: debate.agents.filter((a) => a.id !== 'debater-2' && a.id !== 'debater-3') };
    expect(teamProblems(one, en)).toEqual(['A debate team needs 2–6 debater(s), not 1.']);
    expect(teamProblems(one, zh)).toEqual(['辩论团队需要 2–6 名辩手，而不是 1 名。']);
    const noJudge = { ...debate, agents: debate.agents.filter((a) => a.duty !== 'judge') };
    expect(teamProblems(noJudge, en)).toEqual(['A debate team needs 1 judge(s), not 0.']);
  });

  it('names the member and field at fault', () => {
    const team = {
      ...debate,
      name: ' ',
      agents: debate.agents.map((a, i) => (i === 1 ? { ...a, name: '' } : a)),
      limits: { ...debate.limits, rounds: 0, maxTokens: Number.NaN },
    };
    expect(teamProblems(team, en)).toEqual([
      'Team name is empty.',
      'Member 2 (—): Role name is empty.',
      'Rounds must be a whole number from 1 to 50.',
      'Token budget must be a whole number from 1000 to 5000000.',
    ]);
  });

  it('explains a duty the pattern does not have and duplicate ids', () => {
    const team: Team = {
      ...debate,
      agents: debate.agents.map((a, i) => (i === 0 ? { ...a, duty: 'critic' } : { ...a, id: 'same' })),
    };
    const problems = teamProblems(team, en);
    expect(problems).toContain('Two members have the same id.');
    expect(problems).toContain('A debate team has no “critic” duty.');
  });

  it('says a team needs at least two members', () => {
    expect(teamProblems({ ...debate, agents: debate.agents.slice(0, 1) }, en)).toContain('A team has 2 to 8 members.');
  });
});
