import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../components/hooks/use-t';
import type { ActionStart } from '../../actions/action-stream-protocol';
import type { CardAction } from '../../actions/card-action';
import { splitByPins } from '../../actions/toolbar-pins';
import { callBackground } from '../../messaging/requests';
import { actionLabel } from './action-label';
import { type PageScheme, pageSchemeAt } from './page-scheme';
import { ResultCard } from './result-card';
import type { SelectionSnapshot } from './selection-target';
import { Toolbar } from './toolbar';
import { type RunRequest, useActionRun } from './use-action-run';
import { writeBack } from './write-back';

/** What the content script's wiring can ask of the UI. */
export interface EmbeddedControl {
  showToolbar(snapshot: SelectionSnapshot | null): void;
  /** Runs an action from a context menu or the keyboard command. */
  runAction(action: CardAction, snapshot: SelectionSnapshot | null, extra?: Partial<ActionStart>): void;
  dismiss(): void;
}

const margin = 8;
const cardWidth = 400;
/** The widest the toolbar gets with four icons, "⋯" and its menu (styles.ts): where it fits on screen. */
const toolbarWidth = 260;

function sameSelection(a: SelectionSnapshot, b: SelectionSnapshot): boolean {
  return (
    a.text === b.text && a.rect.top === b.rect.top && a.rect.left === b.rect.left && a.target?.kind === b.target?.kind
  );
}

function centreOf(rect: DOMRect): { x: number; y: number } {
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

function placeBelow(rect: DOMRect | undefined, width: number): { top: number; left: number } {
  if (!rect) return { top: margin * 2, left: Math.max(margin, innerWidth - width - margin * 2) };
  const top =
    rect.bottom + margin + 240 < innerHeight ? rect.bottom + margin : Math.max(margin, rect.top - margin - 240);
  const left = Math.min(Math.max(margin, rect.left), Math.max(margin, innerWidth - width - margin));
  return { top, left };
}

export interface EmbeddedAppProps {
  readonly actions: readonly CardAction[];
  /** Ids of the actions shown as icons (lib/actions/toolbar-pins.ts). */
  readonly pins: readonly string[];
  /** Aside's own host element, skipped when reading the page's colours. */
  readonly host: Element;
  readonly control: (control: EmbeddedControl) => void;
  onHideOnSite(): void;
}

/** The toolbar and the card, driven by the content script's selection watcher. */
export function EmbeddedApp({ actions, pins, host, control, onHideOnSite }: EmbeddedAppProps) {
  const t = useT();
  const [toolbar, setToolbarState] = useState<SelectionSnapshot | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuOpenNow = useRef(false);
  menuOpenNow.current = menuOpen;
  const [scheme, setScheme] = useState<PageScheme>('light');
  const anchor = useRef<SelectionSnapshot | null>(null);
  const { card, request, run, ask, followUp, close, rate, continueInPanel, allowLinkAlways } = useActionRun();

  const shown = useRef<SelectionSnapshot | null>(null);
  /**
   * A new selection (or none) closes the menu and takes the page's colours
   * where it is. The same selection reported again (the window regaining
   * focus fires `selectionchange`) leaves an open menu alone.
   */
  const setToolbar = useCallback(
    (snapshot: SelectionSnapshot | null) => {
      if (snapshot && shown.current && sameSelection(snapshot, shown.current)) return;
      shown.current = snapshot;
      setMenuOpen(false);
      if (snapshot) setScheme(pageSchemeAt(document, centreOf(snapshot.rect), host));
      setToolbarState(snapshot);
    },
    [host],
  );

  const runAction = useCallback<EmbeddedControl['runAction']>(
    (action, snapshot, extra = {}) => {
      setToolbar(null);
      anchor.current = snapshot;
      setScheme(pageSchemeAt(document, snapshot ? centreOf(snapshot.rect) : null, host));
      const start: ActionStart = { actionId: action.id, selection: snapshot?.text ?? '', ...extra };
      const next = { title: actionLabel(action, t), start, editable: snapshot?.target != null };
      if (action.needsInput) ask(next);
      else run(next);
    },
    [run, ask, t, setToolbar, host],
  );

  useEffect(() => {
    const dismiss = () => {
      // Escape with the menu open closes the menu only.
      if (menuOpenNow.current) {
        setMenuOpen(false);
        return;
      }
      setToolbar(null);
      close();
    };
    control({ showToolbar: setToolbar, runAction, dismiss });
  }, [control, runAction, close, setToolbar]);

  const onToolbarAction = (action: CardAction) => {
    const snapshot = toolbar;
    setToolbar(null);
    if (!snapshot) return;
    if (action.kind === 'ask') void callBackground('actions.askInPanel', { selection: snapshot.text });
    else if (action.kind === 'save') void callBackground('actions.saveSelection', {});
    else runAction(action, snapshot);
  };

  const cardAt = placeBelow(anchor.current?.rect, cardWidth);
  const toolbarAt = toolbar ? placeBelow(toolbar.rect, toolbarWidth) : null;
  const { pinned, menu } = splitByPins(actions, pins);
  return (
    <div className="root" data-scheme={scheme}>
      {toolbar && toolbarAt ? (
        <Toolbar
          pinned={pinned}
          menu={menu}
          menuOpen={menuOpen}
          onMenu={setMenuOpen}
          top={toolbarAt.top}
          left={toolbarAt.left}
          onRun={onToolbarAction}
          onHideOnSite={() => {
            setToolbar(null);
            onHideOnSite();
          }}
        />
      ) : null}
      {card && request ? (
        <ResultCard
          state={card}
          top={cardAt.top}
          left={cardAt.left}
          onClose={close}
          onRetry={() =>
            card.question === null
              ? run(retryOf(request, card.consent?.linkToken))
              : followUp(card.question, card, true)
          }
          onInput={(input) => run({ ...request, start: { ...request.start, input } })}
          onAllowOnce={(linkToken) => run({ ...request, start: { ...request.start, linkToken, consent: 'once' } })}
          onAllowAlways={allowLinkAlways}
          onContinue={continueInPanel}
          onRate={rate}
          onFollowUp={(question) => followUp(question, card)}
          onWrite={(mode) => {
            const target = anchor.current?.target;
            if (target) writeBack(target, card.text, mode);
          }}
        />
      ) : null}
    </div>
  );
}

/** A retry runs the same request again; after a link consent, on the link it asked about (a redirect has its own). */
function retryOf(request: RunRequest, linkToken: string | undefined): RunRequest {
  if (!linkToken) return request;
  const { consent: _once, ...start } = request.start;
  return { ...request, start: { ...start, linkToken } };
}
