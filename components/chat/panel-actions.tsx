import { mergeActions } from '../../lib/actions/actions-store';
import { actionLabel } from '../../lib/content/embedded/action-label';
import { actionsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { usePopover } from './use-popover';

/**
 * The actions the user offers in the side panel (options page → Actions),
 * behind one "⋯" button in the composer: one click runs one on the selection
 * in the page, or on the whole page when nothing is selected. On a page Aside
 * cannot read they stay listed but off, with the reason.
 */
export function PanelActions({
  disabled,
  unreadable,
  onRun,
}: {
  disabled: boolean;
  /** Why the page cannot be acted on, when it cannot. */
  unreadable?: string | undefined;
  onRun: (id: string, name: string) => void;
}) {
  const t = useT();
  const stored = useStorageItem(actionsItem);
  const { open, setOpen, box } = usePopover();
  if (!stored) return null;
  const actions = mergeActions(stored).filter(
    (action) => action.enabled && action.kind === 'prompt' && action.surfaces.includes('sidePanel'),
  );
  if (actions.length === 0) return null;
  const hint = unreadable ?? t('actions.panelHint');
  return (
    <div className="actions-menu-box" ref={box}>
      <button
        type="button"
        className="ghost icon-button"
        aria-label={t('actions.panelLabel')}
        title={t('actions.panelLabel')}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="actions-menu"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <div className="actions-menu" role="menu" aria-label={t('actions.panelLabel')} data-testid="panel-actions">
          {unreadable ? <div className="actions-menu-reason muted">{unreadable}</div> : null}
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              role="menuitem"
              className="ghost menu-item"
              disabled={disabled || unreadable !== undefined}
              title={hint}
              onClick={() => {
                setOpen(false);
                onRun(action.id, actionLabel(action, t));
              }}
            >
              {action.icon} {actionLabel(action, t)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
