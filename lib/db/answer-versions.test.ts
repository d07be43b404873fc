import { describe, expect, it } from 'vitest';
import { allVersions, carriedVersions, switchTo, versionCount } from './answer-versions';
import type { MessageRecord } from './records';

const answer: MessageRecord = {
  id: 'a',
  conversationId: 'c',
  role: 'assistant',
  content: 'Second',
  status: 'complete',
  model: 'm2',
  rating: 'up',
  version: 2,
  otherVersions: [{ version: 1, content: 'First', status: 'complete', model: 'm1', edited: 'First, fixed' }],
  createdAt: 5,
};

describe('answer versions', () => {
  it('lists every version in the order made', () => {
    expect(versionCount(answer)).toBe(2);
    expect(allVersions(answer).map((v) => [v.version, v.content, v.rating])).toEqual([
      [1, 'First', undefined],
      [2, 'Second', 'up'],
    ]);
  });

  it('switching swaps every per-version field and keeps the shown one', () => {
    const changes = switchTo(answer, 1);
    const shown = { ...answer, ...changes } as MessageRecord;
    expect(shown).toMatchObject({ version: 1, content: 'First', edited: 'First, fixed', model: 'm1' });
    expect(shown.rating).toBeUndefined();
    expect(shown.otherVersions).toEqual([
      { version: 2, content: 'Second', status: 'complete', model: 'm2', rating: 'up' },
    ]);
    expect(switchTo(answer, 7)).toBeNull();
    // Back again: the same record as before.
    expect({ ...shown, ...switchTo(shown, 2) }).toEqual(expect.objectContaining({ content: 'Second', rating: 'up' }));
  });

  it('a regenerated answer carries its predecessors except failed ones', () => {
    expect(carriedVersions(answer).map((v) => v.version)).toEqual([1, 2]);
    expect(carriedVersions({ ...answer, status: 'error' }).map((v) => v.version)).toEqual([1]);
    expect(carriedVersions(undefined)).toEqual([]);
  });
});
