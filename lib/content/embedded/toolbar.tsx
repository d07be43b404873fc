import { type KeyboardEvent, useId, useRef } from 'react';
import { useT } from '../../../components/hooks/use-t';
import type { CardAction } from '../../actions/card-action';
import { actionIcon, actionLabel } from './action-label';
import { ToolbarMenu } from './toolbar-menu';
import { trusted } from './trusted';

export interface ToolbarProps {
  /** The pinned actions, shown as icons. */
  readonly pinned: readonly CardAction[];
  /** Every other toolbar action, in the "⋯" menu. */
  readonly menu: readonly CardAction[];
  readonly menuOpen: boolean;
  readonly top: number;
  readonly left: number;
  onMenu(open: boolean): void;
  onRun(action: CardAction): void;
  onHideOnSite(): void;
}

/** Moves focus among a toolbar's buttons with the arrow keys (one Tab stop for the whole toolbar). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
  next?.focus();
  event.preventDefault();
}

/**
 * The selection toolbar: the pinned actions as icon buttons (named by
 * `aria-label`, with a tooltip) and "⋯" for the rest. Buttons cancel
 * `mousedown`, so clicking one never moves focus or clears the page's
 * selection; arrow keys move between them.
 */
export function Toolbar({ pinned, menu, menuOpen, top, left, onMenu, onRun, onHideOnSite }: ToolbarProps) {
  const t = useT();
  const menuId = useId();
  const more = useRef<HTMLButtonElement>(null);
  const focusFirst = useRef(false);
  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={t('embedded.toolbar')}
      data-testid="aside-toolbar"
      style={{ top, left }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={moveFocus}
    >
      {pinned.map((action) => (
        <button
          key={action.id}
          type="button"
          className="icon-button"
          aria-label={actionLabel(action, t)}
          data-tip={actionLabel(action, t)}
          onClick={trusted(() => onRun(action))}
        >
          <span aria-hidden="true">{actionIcon(action, t)}</span>
        </button>
      ))}
      <button
        ref={more}
        type="button"
        className="icon-button"
        aria-label={t('embedded.more')}
        data-tip={menuOpen ? undefined : t('embedded.more')}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? menuId : undefined}
        onClick={trusted((event) => {
          // A keyboard press (no pointer, detail 0) takes focus into the menu; a click leaves the page's focus alone.
          focusFirst.current = event.detail === 0;
          onMenu(!menuOpen);
        })}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {menuOpen ? (
        <ToolbarMenu
          id={menuId}
          actions={menu}
          focusFirst={focusFirst.current}
          onRun={onRun}
          onHideOnSite={onHideOnSite}
          onClose={(refocus) => {
            onMenu(false);
            if (refocus) more.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
