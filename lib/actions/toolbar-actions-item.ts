import { z } from 'zod';
import { parsedStorageItem } from '../settings/parsed-storage-item';
import { cardActionSchema } from './card-action';

/**
 * The toolbar's buttons (names, icons, kinds: never templates), mirrored in
 * `storage.local` by the background (lib/actions/toolbar-mirror.ts) so a
 * selection shows the toolbar at once, without waking the background to ask.
 * A mirror a page rewrites can only change which buttons show: a click sends
 * an action id, and the background runs the user's own action of that id
 * (templates stay in IndexedDB) or refuses.
 */
export const toolbarActionsItem = parsedStorageItem('local:toolbarActions', z.array(cardActionSchema).max(200), []);
