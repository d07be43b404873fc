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

/** A card waiting for input (`ask`) or about to stream its first answer. */
function emptyCard(next: RunRequest): CardState {
  return { title: next.title, text: '', status: 'input', editable: next.editable, earlier: [], question: null };
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
  /** The run a follow-up in progress goes on from. */
  const parentRunId = useRef<string | null>(null);

  const update = useCallback(
    (change: (state: CardState) => CardState) => setCard((state) => (state ? change(state) : state)),
    [],
  );
  const fail = useCallback(
    (error: unknown) => update((state) => ({ ...state, status: 'error', error: AsideError.from(error).toJSON() })),
    [update],
  );

  /** Streams one exchange into the card, from `initial` (a fresh card, or the conversation so far). */
  const stream = useCallback(
    (start: ActionStart, initial: CardState) => {
      handle.current?.cancel();
      runId.current = null;
      setCard(initial);
      handle.current = openStream(
        'action',
        start,
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

  const run = useCallback(
    (next: RunRequest) => {
      setRequest(next);
      parentRunId.current = null;
      stream(next.start, { ...emptyCard(next), status: 'streaming' });
    },
    [stream],
  );

  /**
   * A follow-up typed in the card: streams below the answers so far, going on
   * from the last finished run (the background holds its conversation).
   * A retry of a follow-up asks the same question again after the same run.
   */
  const followUp = useCallback(
    (question: string, state: CardState, retry = false) => {
      const parent = retry ? parentRunId.current : runId.current;
      if (!request || !parent) return;
      parentRunId.current = parent;
      const earlier = retry ? state.earlier : [...state.earlier, { question: state.question, answer: state.text }];
      const { status: _s, error: _e, rating: _r, ...rest } = state;
      stream(
        { actionId: request.start.actionId, selection: '', followUp: { runId: parent, question } },
        { ...rest, earlier, question, text: '', status: 'streaming' },
      );
    },
    [request, stream],
  );

  /** Shows the card asking for `{{input}}` first; `run` starts once the user submits it. */
  const ask = useCallback((next: RunRequest) => {
    handle.current?.cancel();
    setRequest(next);
    setCard(emptyCard(next));
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

  return { card, request, run, ask, followUp, close, rate, continueInPanel, allowLinkAlways };
}
