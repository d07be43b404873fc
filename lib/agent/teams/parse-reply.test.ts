import { describe, expect, it } from 'vitest';
import { jsonInReply, managerDecision, priorityOrder, taskList } from './parse-reply';

describe('reading members’ structured replies', () => {
  it('finds JSON in fences, in prose, and with small mistakes', () => {
    expect(jsonInReply('```json\n{"next": "Writer"}\n```')).toEqual({ next: 'Writer' });
    expect(jsonInReply('Sure! {"next": "Critic", "instruction": "check"} Thanks.')).toEqual({
      next: 'Critic',
      instruction: 'check',
    });
    expect(jsonInReply("['a', 'b',]")).toEqual(['a', 'b']);
    expect(jsonInReply('no json here')).toBeUndefined();
  });

  it('reads task lists as JSON or as bullet lines', () => {
    expect(taskList('["Find sources", " Compare ", ""]')).toEqual(['Find sources', 'Compare']);
    expect(taskList('Tasks:\n- Find sources\n2. Compare them\nnot a task')).toEqual(['Find sources', 'Compare them']);
    expect(taskList('[{"task": "Object form"}]')).toEqual(['Object form']);
    expect(taskList('[]')).toEqual([]);
  });

  it('orders by 1-based numbers, ignoring unknown and repeated ones, keeping the rest', () => {
    expect(priorityOrder('[3, 1, 2]', 3)).toEqual([2, 0, 1]);
    expect(priorityOrder('[2, 2, 9]', 3)).toEqual([1, 0, 2]);
    expect(priorityOrder('Do 3 then 1', 3)).toEqual([2, 0, 1]);
    expect(priorityOrder('nothing', 2)).toEqual([0, 1]);
  });

  it('reads the manager’s decision, FINISH included, and nothing from prose', () => {
    expect(managerDecision('{"next": "Researcher", "instruction": "Search."}')).toEqual({
      finish: false,
      next: 'Researcher',
      instruction: 'Search.',
    });
    expect(managerDecision('{"next": "FINISH"}')?.finish).toBe(true);
    expect(managerDecision('The researcher should go next.')).toBeUndefined();
  });
});
