import { mergeActions } from '../../lib/actions/actions-store';
import { actionLabel } from '../../lib/content/embedded/action-label';
import { actionsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

/**
 * The actions the user offers in the side panel (options page → Actions):
 * one click runs one on the selection in the page, or on the whole page when
 * nothing is selected.
 */
export function PanelActions({ disabled, onRun }: { disabled: boolean; onRun: (id: string, name: string) => void }) {
  const t = useT();
  const stored = useStorageItem(actionsItem);
  if (!stored) return null;
  const actions = mergeActions(stored).filter(
    (action) => action.enabled && action.kind === 'prompt' && action.surfaces.includes('sidePanel'),
  );
  if (actions.length === 0) return null;
  return (
    <div className="panel-actions row" role="toolbar" aria-label={t('actions.panelLabel')} data-testid="panel-actions">
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className="ghost"
          disabled={disabled}
          title={t('actions.panelHint')}
          onClick={() => onRun(action.id, actionLabel(action, t))}
        >
          {action.icon} {actionLabel(action, t)}
        </button>
      ))}
    </div>
  );
}
