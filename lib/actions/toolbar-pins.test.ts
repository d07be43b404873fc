import { describe, expect, it } from 'vitest';
import type { CardAction } from './card-action';
import { splitByPins } from './toolbar-pins';

const action = (id: string): CardAction => ({
  id,
  name: id,
  icon: '',
  kind: 'prompt',
  builtin: false,
  needsInput: false,
});
const actions = ['summarize', 'explain', 'translate', 'mine', 'grammar'].map(action);
const ids = (list: readonly CardAction[]) => list.map((a) => a.id);

describe('splitByPins', () => {
  it('shows pinned actions in the order pinned and keeps the rest in the user order', () => {
    const { pinned, menu } = splitByPins(actions, ['mine', 'summarize']);
    expect(ids(pinned)).toEqual(['mine', 'summarize']);
    expect(ids(menu)).toEqual(['explain', 'translate', 'grammar']);
  });

  it('skips pins of actions that are gone or off the toolbar, and caps the icons at four', () => {
    const { pinned, menu } = splitByPins(actions, ['gone', 'grammar', 'explain', 'translate', 'mine', 'summarize']);
    expect(ids(pinned)).toEqual(['grammar', 'explain', 'translate', 'mine']);
    expect(ids(menu)).toEqual(['summarize']);
  });

  it('puts everything in the menu when nothing is pinned', () => {
    expect(ids(splitByPins(actions, []).menu)).toEqual(ids(actions));
  });
});
