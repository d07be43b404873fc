import { describe, expect, it } from 'vitest';
import type { Action } from './action';
import { exportActions, importActions, mergeActions } from './actions-store';

const mine: Action = {
  id: 'user-1',
  name: 'Tweet',
  icon: '🐦',
  surfaces: ['toolbar'],
  template: 'Tweet {{selection}}',
  enabled: true,
  kind: 'prompt',
  builtin: false,
};

describe('actions store', () => {
  it('orders built-ins and user actions as the user chose and applies disabling', () => {
    const all = mergeActions({ custom: [mine], order: ['user-1', 'translate'], disabled: ['summarize'] });
    expect(all.slice(0, 2).map((a) => a.id)).toEqual(['user-1', 'translate']);
    expect(all.find((a) => a.id === 'summarize')?.enabled).toBe(false);
    expect(all).toHaveLength(9);
  });

  it('round-trips through export and import, never overriding a built-in', () => {
    const text = exportActions({
      custom: [mine, { ...mine, id: 'translate', builtin: false }],
      order: [],
      disabled: [],
    });
    const imported = importActions({ custom: [], order: ['explain'], disabled: [] }, text);
    expect(imported.custom.map((a) => a.id)).toEqual(['user-1']);
    expect(imported.order).toEqual(['explain']);
    expect(() => importActions(imported, '{"format":"other"}')).toThrow();
  });
});

describe('editing actions', () => {
  const empty = { custom: [], order: [], disabled: [] };
  it('moves, disables, edits and removes', async () => {
    const { moveAction, removeAction, setActionEnabled, upsertAction } = await import('./edit-actions');
    let stored = upsertAction(empty, mine);
    stored = moveAction(stored, 'user-1', -1);
    expect(
      mergeActions(stored)
        .slice(-2)
        .map((a) => a.id),
    ).toEqual(['user-1', 'save']);
    stored = moveAction(stored, 'summarize', -1);
    expect(mergeActions(stored)[0]?.id).toBe('summarize');
    stored = setActionEnabled(stored, 'user-1', false);
    expect(mergeActions(stored).find((a) => a.id === 'user-1')?.enabled).toBe(false);
    stored = upsertAction(stored, { ...mine, name: 'Toot' });
    expect(stored.custom).toEqual([{ ...mine, name: 'Toot' }]);
    stored = removeAction(stored, 'user-1');
    expect(stored.custom).toEqual([]);
    expect(stored.disabled).toEqual([]);
  });
});
