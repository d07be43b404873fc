import { describe, expect, it } from 'vitest';
import { en } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import { roundLabel } from './round-label';

const say = (label: ReturnType<typeof roundLabel>) => translator('en')(label.key, label.params);

describe('roundLabel', () => {
  it('names a debate’s round 0 as the independent answers, then counts revision rounds', () => {
    expect(say(roundLabel('debate', 0, 2))).toBe(en['teamRun.round.independent']);
    expect(say(roundLabel('debate', 1, 2))).toBe('Round 1 of 2');
    expect(say(roundLabel('debate', 2, 2))).toBe('Round 2 of 2');
  });

  it('counts other patterns from 1 and never past the limit', () => {
    expect(say(roundLabel('group-chat', 0, 10))).toBe('Round 1 of 10');
    expect(say(roundLabel('task-list', 3, 5))).toBe('Round 3 of 5');
    expect(say(roundLabel('role-play', 9, 6))).toBe('Round 6 of 6');
  });

  it('has a Chinese counter', () => {
    const label = roundLabel('role-play', 2, 6);
    expect(translator('zh-CN')(label.key, label.params)).toBe('第 2 轮，共 6 轮');
  });
});
