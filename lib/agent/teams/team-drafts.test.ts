import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { finishDraft } from './edit-teams';
import { presetTeams } from './presets';
import { teamPatterns, teamSchema } from './team';
import {
  agentIdFor,
  blankAgent,
  duplicateTeam,
  kebab,
  teamIdFor,
  teamTemplate,
  uniqueId,
  withAgentIds,
} from './team-drafts';
import { dutyLabel } from './team-labels';

const namer = (locale: 'en' | 'zh-CN') => {
  const t = translator(locale);
  return (duty: Parameters<typeof dutyLabel>[0], n?: number) => (n ? `${dutyLabel(duty, t)} ${n}` : dutyLabel(duty, t));
};

describe('team templates', () => {
  it.each(teamPatterns)('a new %s team validates once its ids are filled, in both languages', (pattern) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const team = finishDraft(teamTemplate(pattern, 'My team', namer(locale)), []);
      expect(teamSchema.safeParse(team).error?.issues).toBeUndefined();
      expect(team.id).toBe('team-my-team');
    }
  });

  it('starts a debate with two numbered debaters and a judge', () => {
    const team = finishDraft(teamTemplate('debate', 'D', namer('en')), []);
    expect(team.agents.map((a) => [a.id, a.name, a.duty])).toEqual([
      ['debater-1', 'Debater 1', 'debater'],
      ['debater-2', 'Debater 2', 'debater'],
      ['judge', 'Judge', 'judge'],
    ]);
    // Chinese names have no Latin letters: the duty gives the id.
    const zh = finishDraft(teamTemplate('debate', '辩论', namer('zh-CN')), []);
    expect(zh.agents.map((a) => a.id)).toEqual(['debater-1', 'debater-2', 'judge']);
    expect(zh.id).toBe('team');
  });
});

describe('ids', () => {
  it('kebab-cases names', () => {
    expect(kebab('  Lead Researcher!! ')).toBe('lead-researcher');
    expect(kebab('Café crème')).toBe('cafe-creme');
    expect(kebab('研究员')).toBe('');
  });

  it('makes unique ids within the length limit', () => {
    expect(uniqueId('writer', new Set(['writer', 'writer-2']), 40)).toBe('writer-3');
    const long = 'x'.repeat(50);
    const id = uniqueId(long, new Set(['x'.repeat(40)]), 40);
    expect(id).toBe(`${'x'.repeat(38)}-2`);
    expect(agentIdFor('A very long role name that goes on and on and on', 'member', new Set())).toMatch(
      /^[a-z0-9-]{1,40}$/,
    );
    expect(agentIdFor('研究员', 'member', new Set(['member']))).toBe('member-2');
    expect(agentIdFor('研究员 2', 'member', new Set())).toBe('member-2');
  });

  it('gives new members ids from their names and keeps existing ids', () => {
    const agents = withAgentIds([
      { ...blankAgent('member', 'Writer'), id: 'writer' },
      blankAgent('member', 'Writer'),
      blankAgent('critic', 'Writer'),
    ]);
    expect(agents.map((a) => a.id)).toEqual(['writer', 'writer-2', 'writer-3']);
  });

  it('never gives a user team a preset id', () => {
    const taken = new Set(presetTeams.map((team) => team.id));
    expect(teamIdFor('Debate', taken)).toBe('team-debate');
    expect(teamIdFor('preset debate', taken)).toBe('team-preset-debate');
  });
});

describe('duplicateTeam', () => {
  it('copies a preset deeply under a new name and id, keeping member ids', () => {
    const preset = presetTeams[0];
    if (!preset) throw new Error('no preset');
    const copy = duplicateTeam(preset, 'Mine');
    copy.agents[0]?.tools.push('open_url');
    expect(preset.agents[0]?.tools).not.toContain('open_url');
    const saved = finishDraft(copy, []);
    expect(saved.id).toBe('team-mine');
    expect(saved.agents.map((a) => a.id)).toEqual(preset.agents.map((a) => a.id));
    expect(teamSchema.safeParse(saved).success).toBe(true);
  });
});
