import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionStart } from '../../actions/action-stream-protocol';
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
 * which aborts the provider request in the background.
 */
export function useActionRun() {
  const [card, setCard] = useState<CardState | null>(null);
  const [request, setRequest] = useState<RunRequest | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  const prompt = useRef('');
  const model = useRef('');
  /** The stored answer once the user rated it (lib/actions/card-feedback.ts); later ratings go to it. */
  const rated = useRef<Promise<string> | null>(null);

  const run = useCallback((next: RunRequest) => {
    handle.current?.cancel();
    setRequest(next);
    prompt.current = '';
    rated.current = null;
    setCard({ title: next.title, text: '', status: 'streaming', editable: next.editable });
    const update = (change: (state: CardState) => CardState) => setCard((state) => (state ? change(state) : state));
    handle.current = openStream(
      'action',
      next.start,
      (event) => {
        if (event.type === 'started') {
          prompt.current = event.prompt;
          model.current = event.model;
        } else if (event.type === 'delta') update((state) => ({ ...state, text: state.text + event.text }));
        else if (event.type === 'done') update((state) => ({ ...state, status: 'done' }));
        else if (event.type === 'stopped') update((state) => ({ ...state, status: 'stopped' }));
        else if (event.type === 'consent') update((state) => ({ ...state, status: 'consent', consentUrl: event.url }));
        else update((state) => ({ ...state, status: 'error', error: event.error }));
      },
      (error) => update((state) => ({ ...state, status: 'error', error: error.toJSON() })),
    );
  }, []);

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

  /**
   * 👍/👎 on the card's answer: the first rating stores the exchange (question as shown,
   * filled-in prompt, answer, model) as an action's conversation, for fine-tuning data.
   */
  const rate = useCallback((question: string, answer: string, rating: 'up' | 'down' | null) => {
    setCard((state) => (state ? { ...state, rating: rating ?? undefined } : state));
    if (!rated.current) {
      if (rating === null) return;
      const exchange = { question, prompt: prompt.current, answer, model: model.current, rating };
      rated.current = callBackground('actions.rateCard', exchange).then((stored) => stored.messageId);
      rated.current.catch(() => {
        rated.current = null;
      });
      return;
    }
    void rated.current.then((id) => callBackground('messages.rate', { id, rating }));
  }, []);

  return { card, request, prompt, run, ask, close, rate };
}
