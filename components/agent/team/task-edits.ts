import type { TeamTask } from '../../../lib/agent/teams/team-run-state';

/** A pending task as `team.setTasks` takes it: new ones have no id yet. */
export interface TaskDraft {
  readonly id?: string;
  readonly text: string;
}

/** The user's edit of the pending tasks, shown until the engine reports a list other than the one edited. */
export interface TaskEdit {
  /** The list as the engine reported it when the user edited it. */
  readonly base: readonly TeamTask[];
  /** The pending tasks the user wants, in order. */
  readonly pending: readonly TaskDraft[];
}

/** The pending tasks of a list, as drafts. */
export function pendingDrafts(tasks: readonly TeamTask[]): TaskDraft[] {
  return tasks.filter((task) => task.status === 'pending').map(({ id, text }) => ({ id, text }));
}

const sameTasks = (a: readonly TeamTask[], b: readonly TeamTask[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the user's edit is still the one to show: the engine applies edits
 * at its next turn, and until then it reports the list the edit was made on
 * (a usage-only state event in between must not undo what the user sees).
 */
export function editApplies(reported: readonly TeamTask[], edit: TaskEdit | null): edit is TaskEdit {
  return edit !== null && sameTasks(reported, edit.base);
}

/** Moves the pending task at `index` up (-1) or down (+1); out of range leaves the list as it is. */
export function moveTask(tasks: readonly TaskDraft[], index: number, by: -1 | 1): TaskDraft[] {
  const target = index + by;
  const moved = [...tasks];
  const [a, b] = [moved[index], moved[target]];
  if (!a || !b) return moved;
  moved[index] = b;
  moved[target] = a;
  return moved;
}

export function removeTask(tasks: readonly TaskDraft[], index: number): TaskDraft[] {
  return tasks.filter((_, at) => at !== index);
}

/** Replaces a task's text; an emptied task is removed rather than sent blank. */
export function editTask(tasks: readonly TaskDraft[], index: number, text: string): TaskDraft[] {
  const trimmed = text.trim();
  if (!trimmed) return removeTask(tasks, index);
  return tasks.map((task, at) => (at === index ? { ...task, text: trimmed } : task));
}

export function addTask(tasks: readonly TaskDraft[], text: string): TaskDraft[] {
  const trimmed = text.trim();
  return trimmed ? [...tasks, { text: trimmed }] : [...tasks];
}
