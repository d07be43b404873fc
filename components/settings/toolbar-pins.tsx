import { toolbarActionsItem } from '../../lib/actions/toolbar-actions-item';
import { maxPinnedActions, splitByPins, toolbarPinsItem } from '../../lib/actions/toolbar-pins';
import { actionIcon, actionLabel } from '../../lib/content/embedded/action-label';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

/**
 * Which toolbar actions show as icons (at most four); the rest go in the
 * toolbar's "⋯" menu. Lists the actions the toolbar offers now (the
 * background's mirror of the user's enabled toolbar actions), pinned first.
 */
export function ToolbarPins() {
  const t = useT();
  const actions = useStorageItem(toolbarActionsItem);
  const pins = useStorageItem(toolbarPinsItem);
  if (!actions || !pins) return null;
  const { pinned, menu } = splitByPins(actions, pins);
  const full = pinned.length >= maxPinnedActions;
  const toggle = (id: string, pin: boolean) =>
    toolbarPinsItem.update((current) => {
      // Pins of actions no longer on the toolbar would hold a place for nothing.
      const live = splitByPins(actions, current).pinned.map((action) => action.id);
      return pin ? [...live, id].slice(0, maxPinnedActions) : live.filter((other) => other !== id);
    });
  return (
    <fieldset className="toolbar-pins" data-testid="toolbar-pins">
      <legend>{t('toolbarPins.title')}</legend>
      <p className="muted">{t('toolbarPins.intro', { max: maxPinnedActions })}</p>
      {[...pinned, ...menu].map((action) => {
        const isPinned = pinned.includes(action);
        return (
          <label key={action.id} className="row">
            <input
              type="checkbox"
              checked={isPinned}
              disabled={!isPinned && full}
              onChange={(event) => void toggle(action.id, event.target.checked)}
            />
            <span className="pin-icon" aria-hidden="true">
              {actionIcon(action, t)}
            </span>
            {actionLabel(action, t)}
          </label>
        );
      })}
      {full ? <p className="muted">{t('toolbarPins.full', { max: maxPinnedActions })}</p> : null}
    </fieldset>
  );
}
