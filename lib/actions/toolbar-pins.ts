import { z } from 'zod';
import { parsedStorageItem } from '../settings/parsed-storage-item';
import type { CardAction } from './card-action';

/** At most this many actions show as icons; the rest are in the toolbar's "⋯" menu. */
export const maxPinnedActions = 4;

export const defaultPinnedActions: readonly string[] = ['summarize', 'explain', 'translate', 'polish'];

/**
 * Which actions the selection toolbar shows as icons, by action id. A UI
 * preference in `storage.local` (parsed on every read): the content script
 * reads it on every page, and whatever a page writes here only changes which
 * buttons are icons and which are in the menu. A click still sends an action
 * id that the background looks up among the user's own actions.
 */
export const toolbarPinsItem = parsedStorageItem(
  'local:toolbarPins',
  z.array(z.string().min(1).max(100)).max(maxPinnedActions),
  [...defaultPinnedActions],
);

/** Splits the toolbar's actions into pinned icons (in the pins' order) and the menu's rest (in the user's order). */
export function splitByPins(
  actions: readonly CardAction[],
  pins: readonly string[],
): { pinned: CardAction[]; menu: CardAction[] } {
  const pinned = pins.flatMap((id) => actions.filter((action) => action.id === id)).slice(0, maxPinnedActions);
  return { pinned, menu: actions.filter((action) => !pinned.includes(action)) };
}
