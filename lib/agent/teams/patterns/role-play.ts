import { agentsWithDuty } from '../team';
import { lastMessage, type PatternResult, type TeamContext } from '../team-context';
import { teamBrief } from '../team-prompts';

/** The instructor's word for "finished" (CAMEL's <CAMEL_TASK_DONE>). */
export const taskDoneMarker = 'TASK_DONE';

const instructorRule = [
  'You are the instructor in a role-play: you guide the assistant to the objective one instruction at a time.',
  'Give exactly one clear instruction per reply, building on what the assistant has done.',
  `When the objective is fully achieved, reply with ${taskDoneMarker} and a one-line summary, nothing else.`,
].join('\n');

const assistantRule = [
  'You are the assistant in a role-play: the instructor gives you one instruction at a time.',
  "Carry out the instructor's latest instruction and reply with your solution; do not give instructions back.",
].join('\n');

/**
 * Role-play (CAMEL): instructor and assistant alternate, instructor first,
 * until the instructor declares the task done or has spoken `rounds` times.
 * The answer is the assistant's last reply. Resumes from whoever spoke last.
 */
export async function rolePlay(context: TeamContext): Promise<PatternResult> {
  const { state } = context;
  const [instructor] = agentsWithDuty(state.team, 'instructor');
  const [assistant] = agentsWithDuty(state.team, 'assistant');
  if (!instructor || !assistant) throw new Error('A role-play team needs an instructor and an assistant.');
  const assistantAnswer = () => lastMessage(state, (turn) => turn.agentId === assistant.id);
  for (;;) {
    const last = state.turns.findLast((turn) => turn.kind === 'message');
    if (last?.agentId === instructor.id) {
      await context.speak({
        agent: assistant,
        dutyRule: assistantRule,
        prompt: teamBrief,
        kind: 'message',
        round: state.round,
        useTools: true,
      });
      continue;
    }
    if (state.round >= state.team.limits.rounds) return { final: assistantAnswer(), reason: 'round-limit' };
    state.round++;
    const instruction = await context.speak({
      agent: instructor,
      dutyRule: instructorRule,
      prompt: teamBrief,
      kind: 'message',
      round: state.round,
      useTools: false,
    });
    if (instruction.includes(taskDoneMarker)) return { final: assistantAnswer() || instruction, reason: 'done' };
  }
}
