import type { UntrustedNonce } from '../../../prompt/untrusted';
import { agentsWithDuty, type TeamAgent } from '../team';
import { lastMessage, type PatternResult, type TeamContext } from '../team-context';
import { teamBrief } from '../team-prompts';
import type { TeamRunState } from '../team-run-state';

const debaterRule = [
  'You are one of several debaters answering the same objective independently.',
  'Give your answer with your reasons. In later rounds you see every debater’s previous answer: weigh them,',
  'keep what survives scrutiny, correct what does not, and say briefly what you changed and why.',
].join('\n');

const judgeRule = [
  "You are the judge of a debate. You read each debater's final answer.",
  'Write the final answer to the objective. Then add a short section "Where they disagreed" naming',
  'the points the debaters did not agree on and how you decided them (or "They agreed." when they did).',
].join('\n');

/** What a debater reads in `round`: the objective, the user's interjections, and (after round 0) everyone's previous answers. */
function debaterPrompt(round: number) {
  return (state: TeamRunState, nonce: UntrustedNonce) =>
    teamBrief(
      state,
      nonce,
      state.turns.filter(
        (turn) => turn.kind === 'interjection' || (round > 0 && turn.kind === 'message' && turn.round === round - 1),
      ),
    ) + (round === 0 ? '\n\nAnswer on your own.' : `\n\nRound ${round}: give your revised answer.`);
}

const answered = (state: TeamRunState, debater: TeamAgent, round: number) =>
  state.turns.some((turn) => turn.kind === 'message' && turn.agentId === debater.id && turn.round === round);

/**
 * Multi-agent debate: every debater answers independently (round 0), then
 * revises after reading all answers, for `rounds` rounds; the judge then reads
 * every final answer. Debaters of one round speak at the same time.
 */
export async function debate(context: TeamContext): Promise<PatternResult> {
  const { state } = context;
  const debaters = agentsWithDuty(state.team, 'debater');
  const [judge] = agentsWithDuty(state.team, 'judge');
  if (!judge || debaters.length < 2) throw new Error('A debate needs two debaters and a judge.');
  const lastRound = state.team.limits.rounds;
  for (let round = state.round; round <= lastRound; round++) {
    state.round = round;
    await context.save();
    await Promise.all(
      debaters
        .filter((debater) => !answered(state, debater, round))
        .map((debater) =>
          context.speak({
            agent: debater,
            dutyRule: debaterRule,
            prompt: debaterPrompt(round),
            kind: 'message',
            round,
            useTools: true,
          }),
        ),
    );
  }
  const verdict = await context.speak({
    agent: judge,
    dutyRule: judgeRule,
    prompt: (current, nonce) =>
      teamBrief(
        current,
        nonce,
        current.turns.filter(
          (turn) =>
            turn.kind === 'interjection' ||
            (turn.kind === 'message' && turn.round === lastRound && turn.agentId !== judge.id),
        ),
      ),
    kind: 'message',
    round: lastRound,
    useTools: false,
  });
  return { final: verdict || lastMessage(state), reason: 'done' };
}
