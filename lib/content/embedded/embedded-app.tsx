import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../components/hooks/use-t';
import type { ActionStart } from '../../actions/action-stream-protocol';
import type { CardAction } from '../../actions/card-action';
import { callBackground } from '../../messaging/requests';
import { actionLabel } from './action-label';
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

function placeBelow(rect: DOMRect | undefined, width: number): { top: number; left: number } {
  if (!rect) return { top: margin * 2, left: Math.max(margin, innerWidth - width - margin * 2) };
  const top =
    rect.bottom + margin + 240 < innerHeight ? rect.bottom + margin : Math.max(margin, rect.top - margin - 240);
  const left = Math.min(Math.max(margin, rect.left), Math.max(margin, innerWidth - width - margin));
  return { top, left };
}

export interface EmbeddedAppProps {
  readonly actions: readonly CardAction[];
  readonly control: (control: EmbeddedControl) => void;
  onHideOnSite(): void;
}

/** The toolbar and the card, driven by the content script's selection watcher. */
export function EmbeddedApp({ actions, control, onHideOnSite }: EmbeddedAppProps) {
  const t = useT();
  const [toolbar, setToolbar] = useState<SelectionSnapshot | null>(null);
  const anchor = useRef<SelectionSnapshot | null>(null);
  const { card, request, run, ask, close, rate, continueInPanel, allowLinkAlways } = useActionRun();

  const runAction = useCallback<EmbeddedControl['runAction']>(
    (action, snapshot, extra = {}) => {
      setToolbar(null);
      anchor.current = snapshot;
      const start: ActionStart = { actionId: action.id, selection: snapshot?.text ?? '', ...extra };
      const next = { title: actionLabel(action, t), start, editable: snapshot?.target != null };
      if (action.needsInput) ask(next);
      else run(next);
    },
    [run, ask, t],
  );

  useEffect(() => {
    const dismiss = () => {
      setToolbar(null);
      close();
    };
    control({ showToolbar: setToolbar, runAction, dismiss });
  }, [control, runAction, close]);

  const onToolbarAction = (action: CardAction) => {
    const snapshot = toolbar;
    setToolbar(null);
    if (!snapshot) return;
    if (action.kind === 'ask') void callBackground('actions.askInPanel', { selection: snapshot.text });
    else if (action.kind === 'save') void callBackground('actions.saveSelection', {});
    else runAction(action, snapshot);
  };

  const cardAt = placeBelow(anchor.current?.rect, cardWidth);
  const toolbarAt = toolbar ? placeBelow(toolbar.rect, 360) : null;
  return (
    <div className="root">
      {toolbar && toolbarAt ? (
        <Toolbar
          actions={actions}
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
          onRetry={() => run(retryOf(request, card.consent?.linkToken))}
          onInput={(input) => run({ ...request, start: { ...request.start, input } })}
          onAllowOnce={(linkToken) => run({ ...request, start: { ...request.start, linkToken, consent: 'once' } })}
          onAllowAlways={allowLinkAlways}
          onContinue={continueInPanel}
          onRate={rate}
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
