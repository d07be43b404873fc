import { useState } from 'react';
import { toolbarActionsItem } from '../../lib/actions/toolbar-actions-item';
import { maxPinnedActions, splitByPins, toolbarPinsItem } from '../../lib/actions/toolbar-pins';
import { actionIcon, actionLabel } from '../../lib/content/embedded/action-label';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

/**
 * Which toolbar actions show as icons (at most four); the rest go in the
 * toolbar's "⋯" menu. Lists the actions the toolbar offers now (the
 * background's mirror of the user's enabled toolbar actions), in the user's order.
 */
export function ToolbarPins() {
  const t = useT();
  const actions = useStorageItem(toolbarActionsItem);
  const stored = useStorageItem(toolbarPinsItem);
  // The box shows the click at once; the stored value catches up (and wins when another page changes it).
  const [chosen, setChosen] = useState<{ basis: typeof stored; pins: readonly string[] } | null>(null);
  const pins = chosen && chosen.basis === stored ? chosen.pins : stored;
  if (!actions || !pins) return null;
  const { pinned } = splitByPins(actions, pins);
  const full = pinned.length >= maxPinnedActions;
  const toggle = (id: string, pin: boolean) => {
    // Pins of actions no longer on the toolbar would hold a place for nothing.
    const live = pinned.map((action) => action.id);
    const next = pin ? [...live, id].slice(0, maxPinnedActions) : live.filter((other) => other !== id);
    setChosen({ basis: stored, pins: next });
    void toolbarPinsItem.setValue(next);
  };
  return (
    <fieldset className="toolbar-pins" data-testid="toolbar-pins">
      <legend>{t('toolbarPins.title')}</legend>
      <p className="muted">{t('toolbarPins.intro', { max: maxPinnedActions })}</p>
      {actions.map((action) => {
        const isPinned = pinned.includes(action);
        return (
          <label key={action.id} className="row">
            <input
              type="checkbox"
              checked={isPinned}
              disabled={!isPinned && full}
              onChange={(event) => toggle(action.id, event.target.checked)}
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
