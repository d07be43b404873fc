import { describe, expect, it } from 'vitest';
import type { TeamTask } from '../../../lib/agent/teams/team-run-state';
import { addTask, editApplies, editTask, moveTask, pendingDrafts, removeTask } from './task-edits';

const tasks: TeamTask[] = [
  { id: 'a', text: 'Done one', status: 'done', result: 'ok' },
  { id: 'b', text: 'Second', status: 'pending' },
  { id: 'c', text: 'Third', status: 'pending' },
];

describe('task edits', () => {
  it('takes the pending tasks in order, without status or result', () => {
    expect(pendingDrafts(tasks)).toEqual([
      { id: 'b', text: 'Second' },
      { id: 'c', text: 'Third' },
    ]);
  });

  it('moves, edits, removes and adds', () => {
    const pending = pendingDrafts(tasks);
    expect(moveTask(pending, 1, -1).map((task) => task.id)).toEqual(['c', 'b']);
    expect(moveTask(pending, 0, -1).map((task) => task.id)).toEqual(['b', 'c']);
    expect(moveTask(pending, 1, 1).map((task) => task.id)).toEqual(['b', 'c']);
    expect(editTask(pending, 0, '  Better  ')).toEqual([
      { id: 'b', text: 'Better' },
      { id: 'c', text: 'Third' },
    ]);
    expect(editTask(pending, 0, '   ')).toEqual([{ id: 'c', text: 'Third' }]);
    expect(removeTask(pending, 1)).toEqual([{ id: 'b', text: 'Second' }]);
    expect(addTask(pending, ' New ')).toEqual([...pending, { text: 'New' }]);
    expect(addTask(pending, ' ')).toEqual(pending);
  });

  it('keeps the edit while the engine reports the list it was made on, then yields to the engine’s list', () => {
    const edit = { base: tasks, pending: [{ text: 'Mine' }] };
    expect(editApplies(tasks, edit)).toBe(true);
    // A usage-only state event repeats the same list: the edit stays.
    expect(
      editApplies(
        tasks.map((task) => ({ ...task })),
        edit,
      ),
    ).toBe(true);
    const applied: TeamTask[] = [tasks[0] as TeamTask, { id: 'n', text: 'Mine', status: 'pending' }];
    expect(editApplies(applied, edit)).toBe(false);
    expect(editApplies(tasks, null)).toBe(false);
  });
});
