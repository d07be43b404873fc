import type { Team } from '../../../lib/agent/teams/team';

/** One member colour: `light` is read on the light theme's backgrounds, `dark` on the dark theme's. */
export interface AgentColor {
  readonly light: string;
  readonly dark: string;
}

/**
 * Eight hues spread around the wheel (a team has at most eight members), each
 * dark enough on white and light enough on the dark theme for text contrast
 * of at least 4.5:1 (WCAG AA; checked in agent-colors.test.ts).
 */
export const agentPalette: readonly AgentColor[] = [
  { light: '#1f5fbf', dark: '#7fb0ff' }, // blue
  { light: '#a33a00', dark: '#ffa070' }, // orange
  { light: '#1d7434', dark: '#6fd98a' }, // green
  { light: '#8a2fa8', dark: '#dc9cf2' }, // purple
  { light: '#a3163f', dark: '#ff8fb0' }, // crimson
  { light: '#0b6b73', dark: '#5fd3dc' }, // teal
  { light: '#76610a', dark: '#e6cc5c' }, // olive
  { light: '#52566b', dark: '#b8bdd1' }, // slate
];

/**
 * A member's colour, stable for the run: it follows the member's position in
 * the team snapshot, so the same member keeps its colour while the transcript
 * grows and when the run is reopened.
 */
export function agentColor(team: Pick<Team, 'agents'>, agentId: string): AgentColor | undefined {
  const index = team.agents.findIndex((agent) => agent.id === agentId);
  if (index < 0) return undefined;
  return agentPalette[index % agentPalette.length];
}

/** The CSS custom properties team.css reads the member's colour from. */
export function agentColorStyle(color: AgentColor | undefined): Record<string, string> {
  return color ? { '--agent-light': color.light, '--agent-dark': color.dark } : {};
}
