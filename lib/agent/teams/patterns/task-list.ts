import type { UntrustedNonce } from '../../../prompt/untrusted';
import { priorityOrder, taskList } from '../parse-reply';
import { agentsWithDuty } from '../team';
import { lastMessage, type PatternResult, type TeamContext } from '../team-context';
import { teamBrief } from '../team-prompts';
import type { TeamRunState, TeamTask } from '../team-run-state';

const creatorRule = [
  'You are the task creator. From the objective, the results of done tasks and the pending list,',
  'propose the new tasks still needed (none when the objective is met).',
  'Reply with a JSON array of short task descriptions only, e.g. ["Find …", "Compare …"]; [] when nothing is missing.',
  'Never repeat a pending or done task.',
].join('\n');

const prioritizerRule = [
  'You are the prioritizer. Order the pending tasks so the most useful one comes first.',
  'Reply with a JSON array of the task numbers in their new order only, e.g. [2, 1, 3].',
].join('\n');

const executorRule =
  'You are the executor. Do exactly the one task you are given, with your tools, and report the result.';
const finisherRule =
  'You are the executor. The tasks are finished: write the final answer to the objective from their results.';

const pending = (state: TeamRunState) => state.tasks.filter((task) => task.status === 'pending');
const done = (state: TeamRunState) => state.tasks.filter((task) => task.status === 'done');

function tasksBlock(state: TeamRunState): string {
  const doneText = done(state)
    .map((task) => `- ${task.text}\n  Result: ${(task.result ?? '').slice(0, 2_000)}`)
    .join('\n');
  const pendingText = pending(state)
    .map((task, index) => `${index + 1}. ${task.text}`)
    .join('\n');
  return `## Done tasks\n${doneText || '(none)'}\n\n## Pending tasks\n${pendingText || '(none)'}`;
}

/** The prompt: objective and the user's interjections (tasks carry the rest), then the lists. */
const brief = (state: TeamRunState, nonce: UntrustedNonce) =>
  `${teamBrief(
    state,
    nonce,
    state.turns.filter((turn) => turn.kind === 'interjection'),
  )}\n\n${tasksBlock(state)}`;

let taskSerial = 0;
const newTask = (text: string): TeamTask => ({
  id: `t${Date.now().toString(36)}${(taskSerial++).toString(36)}`,
  text,
  status: 'pending',
});

/** The user's edit replaces the pending list; done tasks stay as they were. */
function applyEdit(state: TeamRunState, edit: { id?: string; text: string }[]): void {
  const known = new Map(pending(state).map((task) => [task.id, task]));
  const finished = new Set(done(state).map((task) => task.id));
  // The task being executed when the user edited is done by now: it stays done, not pending twice.
  const edited = edit
    .filter((item) => !item.id || !finished.has(item.id))
    .map((item) => {
      const existing = item.id ? known.get(item.id) : undefined;
      return existing ? { ...existing, text: item.text } : newTask(item.text);
    });
  state.tasks = [...done(state), ...edited];
}

/**
 * Task list (BabyAGI): the creator proposes tasks, the prioritizer orders the
 * pending ones, the executor does the first; its result feeds the creator's
 * next round. Ends when no task is left, or after `rounds` executed tasks;
 * the executor then writes the answer from the results. The user may edit the
 * pending list at any time; the edit applies before the next member speaks.
 */
export async function taskListPattern(context: TeamContext): Promise<PatternResult> {
  const { state } = context;
  const [creator] = agentsWithDuty(state.team, 'creator');
  const [prioritizer] = agentsWithDuty(state.team, 'prioritizer');
  const [executor] = agentsWithDuty(state.team, 'executor');
  if (!creator || !prioritizer || !executor)
    throw new Error('A task list needs a creator, a prioritizer and an executor.');
  state.phase ??= 'create';
  const takeEdit = async () => {
    const edit = context.takeTaskEdit();
    if (!edit) return;
    applyEdit(state, edit);
    await context.save();
  };
  for (;;) {
    await takeEdit();
    if (state.phase === 'create') {
      const reply = await context.speak({
        agent: creator,
        dutyRule: creatorRule,
        prompt: brief,
        kind: 'tasks',
        round: state.round,
        useTools: false,
        // The transcript keeps the tasks as read, whatever form the reply had.
        record: (text) => ({ text: JSON.stringify(taskList(text)) }),
      });
      await takeEdit();
      const known = new Set(state.tasks.map((task) => task.text.toLowerCase()));
      state.tasks.push(
        ...taskList(reply)
          .filter((text) => !known.has(text.toLowerCase()))
          .map(newTask),
      );
      state.phase = pending(state).length > 1 ? 'prioritize' : 'execute';
    } else if (state.phase === 'prioritize') {
      const before = pending(state);
      const reply = await context.speak({
        agent: prioritizer,
        dutyRule: prioritizerRule,
        prompt: brief,
        kind: 'tasks',
        round: state.round,
        useTools: false,
        // The order as task texts, not the numbers the reply used.
        record: (text) => ({
          text: JSON.stringify(priorityOrder(text, before.length).map((index) => before[index]?.text ?? '')),
        }),
      });
      await takeEdit();
      // An edit that arrived during the turn wins over the prioritizer's order.
      if (pending(state).every((task, index) => task.id === before[index]?.id)) {
        const ordered = priorityOrder(reply, before.length).map((index) => before[index] as TeamTask);
        state.tasks = [...done(state), ...ordered];
      }
      state.phase = 'execute';
    } else if (state.phase === 'execute') {
      const task = pending(state)[0];
      if (!task || state.round >= state.team.limits.rounds) {
        state.phase = 'finish';
      } else {
        state.round++;
        const result = await context.speak({
          agent: executor,
          dutyRule: executorRule,
          prompt: (current, nonce) => `${brief(current, nonce)}\n\n## Your task\n${task.text}`,
          kind: 'message',
          round: state.round,
          taskId: task.id,
          useTools: true,
        });
        state.tasks = state.tasks.map((each) => (each.id === task.id ? { ...each, status: 'done', result } : each));
        state.phase = 'create';
      }
    } else {
      const final = await context.speak({
        agent: executor,
        dutyRule: finisherRule,
        prompt: brief,
        kind: 'message',
        round: state.round,
        useTools: false,
      });
      return { final: final || lastMessage(state), reason: pending(state).length === 0 ? 'done' : 'round-limit' };
    }
    await context.save();
  }
}
