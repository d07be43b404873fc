import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useT } from '../../../components/hooks/use-t';
import type { CardAction } from '../../actions/card-action';
import { actionIcon, actionLabel } from './action-label';
import { trusted } from './trusted';

export interface ToolbarMenuProps {
  readonly id: string;
  readonly actions: readonly CardAction[];
  /** Opened from the keyboard: focus goes to the first item. */
  readonly focusFirst: boolean;
  onRun(action: CardAction): void;
  onHideOnSite(): void;
  /** `refocus`: give focus back to "⋯" (closed with Escape from inside the menu). */
  onClose(refocus: boolean): void;
}

/** Up/Down/Home/End among the menu's items, Escape closes it (the toolbar stays). */
function onMenuKey(event: KeyboardEvent<HTMLDivElement>, onClose: (refocus: boolean) => void): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const index = items.indexOf(event.target as HTMLButtonElement);
  const go = (to: number) => items[(to + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') go(index + 1);
  else if (event.key === 'ArrowUp') go(index < 0 ? -1 : index - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(-1);
  else if (event.key === 'Escape') onClose(true);
  else return;
  event.preventDefault();
  // Arrow keys here are the menu's, not the toolbar's; Escape closes the menu, not the whole toolbar.
  event.stopPropagation();
}

/**
 * The toolbar's "⋯" menu: the actions that are not pinned (the user's own
 * prompts among them), then "Hide on this site". A pointer press anywhere
 * outside Aside's UI closes it.
 */
export function ToolbarMenu({ id, actions, focusFirst, onRun, onHideOnSite, onClose }: ToolbarMenuProps) {
  const t = useT();
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (focusFirst) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const root = menu.current?.getRootNode();
    // Presses inside the closed shadow root reach the document retargeted to its host.
    const host = root instanceof ShadowRoot ? root.host : null;
    const outside = (event: Event) => {
      if (event.target !== host) close.current(false);
    };
    document.addEventListener('pointerdown', outside, { capture: true });
    return () => document.removeEventListener('pointerdown', outside, { capture: true });
    // Runs once per opening: `focusFirst` is how this opening was asked for.
  }, [focusFirst]);
  return (
    <div
      ref={menu}
      id={id}
      className="menu"
      role="menu"
      aria-label={t('embedded.more')}
      data-testid="aside-toolbar-menu"
      onKeyDown={(event) => onMenuKey(event, onClose)}
      onBlur={(event) => {
        // Tab out of the menu closes it; moving focus within the toolbar does not.
        const toolbar = event.currentTarget.parentElement;
        if (!(event.relatedTarget instanceof Node && toolbar?.contains(event.relatedTarget))) onClose(false);
      }}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          title={actionLabel(action, t)}
          onClick={trusted(() => onRun(action))}
        >
          <span className="icon" aria-hidden="true">
            {actionIcon(action, t)}
          </span>
          <span className="label">{actionLabel(action, t)}</span>
        </button>
      ))}
      <hr />
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        title={t('embedded.hideOnSite')}
        onClick={trusted(onHideOnSite)}
      >
        <span className="icon" aria-hidden="true">
          ⊘
        </span>
        <span className="label">{t('embedded.hideOnSite')}</span>
      </button>
    </div>
  );
}
