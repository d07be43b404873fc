import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionStart } from '../../actions/action-stream-protocol';
import { AsideError } from '../../messaging/errors';
import { callBackground } from '../../messaging/requests';
import { openStream, type StreamHandle } from '../../messaging/streams';
import type { CardState } from './result-card';

export interface RunRequest {
  readonly title: string;
  readonly start: ActionStart;
  readonly editable: boolean;
}

/**
 * One action run shown in the card: opens the background's action stream and
 * folds its events into the card's state. Closing (or a new run) cancels it,
 * which aborts the provider request in the background. Rating and continuing
 * refer to the run by the id the background gave it: the background keeps
 * its own copy of the prompt and answer, so the page cannot alter either.
 */
export function useActionRun() {
  const [card, setCard] = useState<CardState | null>(null);
  const [request, setRequest] = useState<RunRequest | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  const runId = useRef<string | null>(null);

  const update = useCallback(
    (change: (state: CardState) => CardState) => setCard((state) => (state ? change(state) : state)),
    [],
  );
  const fail = useCallback(
    (error: unknown) => update((state) => ({ ...state, status: 'error', error: AsideError.from(error).toJSON() })),
    [update],
  );

  const run = useCallback(
    (next: RunRequest) => {
      handle.current?.cancel();
      setRequest(next);
      runId.current = null;
      setCard({ title: next.title, text: '', status: 'streaming', editable: next.editable });
      handle.current = openStream(
        'action',
        next.start,
        (event) => {
          if (event.type === 'started') runId.current = event.runId;
          else if (event.type === 'delta') update((state) => ({ ...state, text: state.text + event.text }));
          else if (event.type === 'done') update((state) => ({ ...state, status: 'done' }));
          else if (event.type === 'stopped') update((state) => ({ ...state, status: 'stopped' }));
          else if (event.type === 'consent') {
            const { url, linkToken, redirectedFrom } = event;
            update((state) => ({ ...state, status: 'consent', consent: { url, linkToken, redirectedFrom } }));
          } else update((state) => ({ ...state, status: 'error', error: event.error }));
        },
        (error) => update((state) => ({ ...state, status: 'error', error: error.toJSON() })),
      );
    },
    [update],
  );

  /** Shows the card asking for `{{input}}` first; `run` starts once the user submits it. */
  const ask = useCallback((next: RunRequest) => {
    handle.current?.cancel();
    setRequest(next);
    setCard({ title: next.title, text: '', status: 'input', editable: next.editable });
  }, []);

  const close = useCallback(() => {
    handle.current?.cancel();
    handle.current = null;
    setCard(null);
    setRequest(null);
  }, []);

  useEffect(() => () => handle.current?.cancel(), []);

  /** 👍/👎 on the card's answer: the first rating stores the exchange as an action's conversation (fine-tuning data). */
  const rate = useCallback(
    (rating: 'up' | 'down' | null) => {
      const id = runId.current;
      if (!id) return;
      setCard((state) => (state ? { ...state, rating: rating ?? undefined } : state));
      callBackground('actions.rateCard', { runId: id, rating }).catch(fail);
    },
    [fail],
  );

  const continueInPanel = useCallback(() => {
    const id = runId.current;
    if (id) callBackground('actions.continueInPanel', { runId: id }).catch(fail);
  }, [fail]);

  /** "Always for this site…": Aside's options page opens to ask; the card waits for a Retry. */
  const allowLinkAlways = useCallback(
    (linkToken: string) => {
      update((state) => ({ ...state, status: 'consent-elsewhere' }));
      callBackground('actions.requestLinkGrant', { linkToken }).catch(fail);
    },
    [update, fail],
  );

  return { card, request, run, ask, close, rate, continueInPanel, allowLinkAlways };
}
