import type { KeyboardEvent } from 'react';
import { useT } from '../../../components/hooks/use-t';
import type { CardAction } from '../../actions/card-action';
import { actionLabel } from './action-label';
import { trusted } from './trusted';

export interface ToolbarProps {
  readonly actions: readonly CardAction[];
  readonly top: number;
  readonly left: number;
  onRun(action: CardAction): void;
  onHideOnSite(): void;
}

/**
 * The selection toolbar. Buttons cancel `mousedown`, so clicking one never
 * moves focus or clears the page's selection; arrow keys move between them.
 */
export function Toolbar({ actions, top, left, onRun, onHideOnSite }: ToolbarProps) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    event.preventDefault();
  };
  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={t('embedded.toolbar')}
      data-testid="aside-toolbar"
      style={{ top, left }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <button key={action.id} type="button" title={actionLabel(action, t)} onClick={trusted(() => onRun(action))}>
          <span className="icon" aria-hidden="true">
            {action.icon}
          </span>
          {actionLabel(action, t)}
        </button>
      ))}
      <button
        type="button"
        title={t('embedded.hideOnSite')}
        aria-label={t('embedded.hideOnSite')}
        onClick={trusted(onHideOnSite)}
      >
        ⊘
      </button>
    </div>
  );
}
