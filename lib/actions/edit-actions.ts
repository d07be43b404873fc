import type { Action } from './action';
import { mergeActions, type StoredActions } from './actions-store';

/** Moves an action one place up (-1) or down (+1) in the user's order. */
export function moveAction(stored: StoredActions, id: string, by: -1 | 1): StoredActions {
  const order = mergeActions(stored).map((action) => action.id);
  const from = order.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= order.length) return stored;
  [order[from], order[to]] = [order[to] as string, order[from] as string];
  return { ...stored, order };
}

export function setActionEnabled(stored: StoredActions, id: string, enabled: boolean): StoredActions {
  const disabled = stored.disabled.filter((other) => other !== id);
  return { ...stored, disabled: enabled ? disabled : [...disabled, id] };
}

/** Adds a user action, or replaces the one with the same id. */
export function upsertAction(stored: StoredActions, action: Action): StoredActions {
  const exists = stored.custom.some((other) => other.id === action.id);
  const custom = exists
    ? stored.custom.map((other) => (other.id === action.id ? action : other))
    : [...stored.custom, action];
  return { ...stored, custom };
}

export function removeAction(stored: StoredActions, id: string): StoredActions {
  return {
    custom: stored.custom.filter((action) => action.id !== id),
    order: stored.order.filter((other) => other !== id),
    disabled: stored.disabled.filter((other) => other !== id),
  };
}
