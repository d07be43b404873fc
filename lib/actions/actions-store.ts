import { z } from 'zod';
import { actionsItem } from '../settings/secure-settings';
import { type Action, type ActionSurface, actionSchema, type StoredActions } from './action';

export type { StoredActions };

import { builtinActions } from './builtin-actions';

/** Every action, in the user's order, with `enabled` reflecting the user's choice. */
export function mergeActions(stored: StoredActions): Action[] {
  const all = [...builtinActions, ...stored.custom];
  const rank = (id: string) => {
    const index = stored.order.indexOf(id);
    return index === -1 ? stored.order.length + all.findIndex((a) => a.id === id) : index;
  };
  return all
    .map((action) => ({ ...action, enabled: action.enabled && !stored.disabled.includes(action.id) }))
    .sort((a, b) => rank(a.id) - rank(b.id));
}

/** The enabled actions offered on one surface. */
export async function actionsFor(surface: ActionSurface): Promise<Action[]> {
  return mergeActions(await actionsItem.getValue()).filter((a) => a.enabled && a.surfaces.includes(surface));
}

export async function findAction(id: string): Promise<Action | undefined> {
  return mergeActions(await actionsItem.getValue()).find((action) => action.id === id);
}

/** The export file: the user's own actions and their order. */
export const actionsFileSchema = z.object({
  format: z.literal('aside-actions'),
  version: z.literal(1),
  custom: z.array(actionSchema),
  order: z.array(z.string()),
  disabled: z.array(z.string()),
});

export function exportActions(stored: StoredActions): string {
  return JSON.stringify({ format: 'aside-actions', version: 1, ...stored }, null, 2);
}

/** Merges an exported file into the stored actions: same ids are replaced, new ones added. */
export function importActions(stored: StoredActions, text: string): StoredActions {
  const file = actionsFileSchema.parse(JSON.parse(text));
  const builtinIds = new Set(builtinActions.map((a) => a.id));
  const incoming = file.custom.filter((a) => !builtinIds.has(a.id)).map((a) => ({ ...a, builtin: false }));
  const ids = new Set(incoming.map((a) => a.id));
  return {
    custom: [...stored.custom.filter((a) => !ids.has(a.id)), ...incoming],
    order: file.order.length > 0 ? file.order : stored.order,
    disabled: file.disabled,
  };
}
