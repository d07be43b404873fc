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
