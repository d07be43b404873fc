import { actionsItem } from '../settings/secure-settings';
import { actionsFor } from './actions-store';
import { toCardAction } from './card-action';
import { toolbarActionsItem } from './toolbar-actions-item';

async function syncToolbarActions(): Promise<void> {
  await toolbarActionsItem.setValue((await actionsFor('toolbar')).map(toCardAction));
}

/** Background only: writes the toolbar's mirror of the user's actions now and whenever they change. */
export function mirrorToolbarActions(): void {
  const sync = () => void syncToolbarActions().catch((error: unknown) => console.warn('[aside] toolbar mirror', error));
  sync();
  actionsItem.watch(sync);
}
