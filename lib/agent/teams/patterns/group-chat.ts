import { managerDecision } from '../parse-reply';
import { agentsWithDuty, type TeamAgent } from '../team';
import { lastMessage, type PatternResult, type TeamContext } from '../team-context';
import { teamBrief } from '../team-prompts';
import type { TeamRunState } from '../team-run-state';

export const approvedMarker = 'APPROVED';
export const reviseMarker = 'REVISE';

function managerRule(speakers: readonly TeamAgent[]): string {
  const roster = speakers.map((agent) => `- ${agent.name}: ${agent.instructions.trim() || agent.duty}`).join('\n');
  return [
    'You are the manager of a group chat. You do not do the work: you choose who speaks next.',
    `The members:\n${roster}`,
    'Reply with JSON only: {"next": "<member name>", "instruction": "<what they should do now>"}.',
    'When the objective is met (the latest draft is approved, or good enough), reply {"next": "FINISH"}.',
  ].join('\n');
}

/** The manager decides who speaks from the gist of each message, not all of it. */
const managerGistChars = 400;

const memberRule = 'You speak when the manager gives you the floor. Do what it asks, building on the team’s work.';
const criticRule = [
  'You are the critic. Review the latest work against the objective and the sources.',
  `Start your reply with ${approvedMarker} if it is ready, or with ${reviseMarker} followed by exactly what must change.`,
].join('\n');

const ruleFor = (agent: TeamAgent) => (agent.duty === 'critic' ? criticRule : memberRule);

function findSpeaker(speakers: readonly TeamAgent[], name: string): TeamAgent | undefined {
  const wanted = name.trim().toLowerCase();
  return speakers.find((agent) => agent.name.toLowerCase() === wanted || agent.id === wanted);
}

/** After an unreadable decision: the member after the last one who spoke. */
function nextInTurn(state: TeamRunState, speakers: readonly TeamAgent[]): TeamAgent {
  const last = state.turns.findLast((turn) => turn.kind === 'message');
  const index = speakers.findIndex((agent) => agent.id === last?.agentId);
  return speakers[(index + 1) % speakers.length] as TeamAgent;
}

/**
 * Group chat (MetaGPT/AutoGen): the manager gives the floor to one member at
 * a time, until it says FINISH or `rounds` members have spoken. A critic's
 * REVISE sends the work straight back to its author. The answer is the last
 * work of a member other than the critic.
 */
export async function groupChat(context: TeamContext): Promise<PatternResult> {
  const { state } = context;
  const [manager] = agentsWithDuty(state.team, 'manager');
  const speakers = state.team.agents.filter((agent) => agent.duty !== 'manager');
  if (!manager || speakers.length === 0) throw new Error('A group chat needs a manager and members.');
  const isWork = (agentId: string) => speakers.some((agent) => agent.id === agentId && agent.duty !== 'critic');
  const answer = () => lastMessage(state, (turn) => isWork(turn.agentId));
  for (;;) {
    const last = state.turns.findLast((turn) => turn.kind !== 'interjection');
    let speaker: TeamAgent | undefined;
    let instruction = '';
    if (last?.kind === 'decision' && last.to) {
      // A decision stored before a restart: its member still has the floor.
      speaker = speakers.find((agent) => agent.id === last.to);
      instruction = last.text;
    } else {
      if (state.round >= state.team.limits.rounds) return { final: answer(), reason: 'round-limit' };
      const critique =
        last?.kind === 'message' && findSpeaker(speakers, last.agentId)?.duty === 'critic' ? last.text : '';
      const author = state.turns.findLast((turn) => turn.kind === 'message' && isWork(turn.agentId));
      if (critique.trimStart().startsWith(reviseMarker) && author) {
        speaker = speakers.find((agent) => agent.id === author.agentId);
        instruction = 'Revise your work as the critic asks.';
      } else {
        const decide = (reply: string) => {
          const decision = managerDecision(reply);
          if (decision?.finish) return { finish: true as const };
          const chosen = (decision?.next && findSpeaker(speakers, decision.next)) || nextInTurn(state, speakers);
          return { finish: false as const, speaker: chosen, instruction: decision?.instruction ?? '' };
        };
        const reply = await context.speak({
          agent: manager,
          dutyRule: managerRule(speakers),
          prompt: (current, nonce) => teamBrief(current, nonce, current.turns, managerGistChars),
          kind: 'decision',
          round: state.round,
          useTools: false,
          record: (text) => {
            const choice = decide(text);
            return choice.finish ? { text: 'FINISH' } : { text: choice.instruction, to: choice.speaker.id };
          },
        });
        const choice = decide(reply);
        if (choice.finish) return { final: answer() || reply, reason: 'done' };
        speaker = choice.speaker;
        instruction = choice.instruction;
      }
    }
    if (!speaker) speaker = nextInTurn(state, speakers);
    state.round++;
    const floor = speaker;
    await context.speak({
      agent: floor,
      dutyRule: ruleFor(floor),
      prompt: (current, nonce) =>
        `${teamBrief(current, nonce)}\n\n${instruction ? `The manager asks you: ${instruction}` : 'It is your turn.'}`,
      kind: 'message',
      round: state.round,
      useTools: true,
    });
  }
}
