import { describe, expect, it } from 'vitest';
import { agentTools } from './registry';
import { presetTeams } from './teams/presets';
import { agentToolNames } from './tool-names';

describe('agentToolNames', () => {
  it('equals the registry’s tool names, in order', () => {
    expect([...agentToolNames]).toEqual(agentTools.map((tool) => tool.name));
  });

  it('holds every tool a preset team uses', () => {
    const names: readonly string[] = agentToolNames;
    for (const team of presetTeams)
      for (const agent of team.agents)
        for (const tool of agent.tools) {
          expect(names).toContain(tool);
        }
  });
});
