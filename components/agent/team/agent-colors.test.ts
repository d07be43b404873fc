import { describe, expect, it } from 'vitest';
import { presetTeams } from '../../../lib/agent/teams/presets';
import { agentColor, agentPalette } from './agent-colors';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

// The backgrounds a member's name is drawn on (components/ui/theme.css: --bg and --bg-soft).
const lightBackgrounds = ['#ffffff', '#f5f6f8'];
const darkBackgrounds = ['#17191d', '#202329'];

describe('agent colours', () => {
  it('every palette colour reads at 4.5:1 or better on both themes', () => {
    for (const color of agentPalette) {
      for (const bg of lightBackgrounds)
        expect(contrast(color.light, bg), `${color.light} on ${bg}`).toBeGreaterThan(4.5);
      for (const bg of darkBackgrounds) expect(contrast(color.dark, bg), `${color.dark} on ${bg}`).toBeGreaterThan(4.5);
    }
  });

  it('gives every member of every preset its own colour', () => {
    for (const team of presetTeams) {
      const colors = team.agents.map((agent) => agentColor(team, agent.id)?.light);
      expect(colors.every(Boolean)).toBe(true);
      expect(new Set(colors).size).toBe(team.agents.length);
    }
  });

  it('keeps a member’s colour from its position, whoever speaks first', () => {
    const team = presetTeams[0];
    if (!team) throw new Error('no preset');
    const last = team.agents.at(-1);
    if (!last) throw new Error('empty team');
    expect(agentColor(team, last.id)).toBe(agentPalette[team.agents.length - 1]);
    expect(agentColor(team, 'user')).toBeUndefined();
    expect(agentColor(team, 'nobody')).toBeUndefined();
  });

  it('has as many colours as a team can have members, all different', () => {
    expect(agentPalette.length).toBe(8);
    expect(new Set(agentPalette.map((color) => color.light)).size).toBe(8);
    expect(new Set(agentPalette.map((color) => color.dark)).size).toBe(8);
  });
});
