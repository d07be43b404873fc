import type { Locator, Page } from 'playwright-core';
import { giveGoal } from './agent';

/** The team run on screen. */
export function teamRun(panel: Page): Locator {
  return panel.getByTestId('team-run');
}

/** Picks a team in Agent mode's picker and gives it the objective, as the user does. */
export async function startTeam(panel: Page, teamId: string, objective: string): Promise<void> {
  const fresh = panel.getByRole('button', { name: /New run|新任务/ });
  if (await fresh.isVisible()) await fresh.click();
  await panel.getByTestId('team-picker').selectOption(teamId);
  await giveGoal(panel, objective);
  await teamRun(panel).waitFor();
}

/** The members whose finished turns the transcript shows, in order (`data-agent-id`). */
export function turnsInView(panel: Page): Promise<(string | null)[]> {
  return teamRun(panel)
    .locator('[data-testid="team-turn"][data-live="false"]')
    .evaluateAll((turns) => turns.map((turn) => turn.getAttribute('data-agent-id')));
}

/** Types an answer to the open ask_user question and sends it. */
export async function answerAsk(panel: Page, answer: string): Promise<void> {
  const card = panel.getByTestId('agent-ask');
  await card.getByRole('textbox').fill(answer);
  await card.getByRole('button', { name: /Answer|回答/ }).click();
}
