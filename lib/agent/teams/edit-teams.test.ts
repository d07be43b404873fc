import { describe, expect, it } from 'vitest';
import { finishDraft, importTeams, removeTeam, upsertTeam } from './edit-teams';
import { presetTeams } from './presets';
import type { Team } from './team';
import { duplicateTeam } from './team-drafts';
import { toTeamFile } from './team-store';

const preset = presetTeams[1] as Team;
const mine = finishDraft(duplicateTeam(preset, 'My debate'), []);
const other = finishDraft(duplicateTeam(preset, 'Other'), [mine]);

describe('finishDraft', () => {
  it('drops empty profile and model, trims names, keeps an existing id', () => {
    const draft: Team = {
      ...mine,
      name: '  Renamed ',
      agents: mine.agents.map((a, i) => (i === 0 ? { ...a, profileId: '', model: '  gpt-mini ' } : a)),
    };
    const done = finishDraft(draft, [mine]);
    expect(done.id).toBe(mine.id);
    expect(done.name).toBe('Renamed');
    expect(done.agents[0]).not.toHaveProperty('profileId');
    expect(done.agents[0]?.model).toBe('gpt-mini');
  });
});

describe('upsertTeam / removeTeam', () => {
  it('replaces by id, appends new ones, removes by id', () => {
    const renamed = { ...mine, name: 'New name' };
    expect(upsertTeam([mine, other], renamed)).toEqual([renamed, other]);
    expect(upsertTeam([mine], other)).toEqual([mine, other]);
    expect(removeTeam([mine, other], mine.id)).toEqual([other]);
  });
});

describe('importTeams', () => {
  const file = JSON.stringify(toTeamFile([mine, other]));

  it('adds the teams of a file into an empty list', () => {
    const result = importTeams([], file);
    expect(result).toMatchObject({ added: 2, renamed: 0, unchanged: 0 });
    expect(result.teams).toEqual([mine, other]);
  });

  it('skips identical teams, so importing twice changes nothing', () => {
    const reordered = JSON.parse(JSON.stringify(mine), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as Team;
    const result = importTeams([reordered, other], file);
    expect(result).toMatchObject({ added: 0, renamed: 0, unchanged: 2 });
    expect(result.teams).toEqual([reordered, other]);
  });

  it('adds a team whose id is taken by a different team under a new id, losing neither', () => {
    const changed = { ...mine, name: 'Changed here' };
    const result = importTeams([changed], JSON.stringify(toTeamFile([mine])));
    expect(result).toMatchObject({ added: 1, renamed: 1 });
    expect(result.teams[0]).toEqual(changed);
    expect(result.teams[1]?.id).toBe('team-my-debate-2');
    expect(result.teams[1]?.name).toBe('My debate');
  });

  it('imports an exported preset under a user id', () => {
    const result = importTeams([], JSON.stringify(toTeamFile([preset])));
    expect(result.teams[0]?.id).toBe('team-debate-an-answer');
  });

  it.each([
    ['not JSON', '{"format":'],
    ['another format', JSON.stringify({ format: 'aside-actions', version: 1, actions: [] })],
    ['an invalid team', JSON.stringify(toTeamFile([{ ...mine, agents: mine.agents.slice(0, 1) }]))],
    ['a team with a wrong duty', JSON.stringify(toTeamFile([{ ...mine, pattern: 'role-play' }]))],
  ])('refuses %s and changes nothing', (_name, text) => {
    const existing = [mine];
    expect(() => importTeams(existing, text)).toThrow();
    expect(existing).toEqual([mine]);
  });
});
