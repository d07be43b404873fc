import { useRef, useState } from 'react';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';

/** Where one user-started request stands; failures are kept serialized for `<ErrorMessage>`. */
export type ActionState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: SerializedError };

export interface Action<A extends unknown[], T> {
  readonly state: ActionState<T>;
  /** Runs the request; resolves to its value, or `undefined` when it failed or a newer run replaced it. */
  run(...args: A): Promise<T | undefined>;
  reset(): void;
}

/**
 * Tracks one async request started from the UI. Only the latest run may set
 * the state, so a slow first click cannot overwrite a second one's answer.
 */
export function useAction<A extends unknown[], T>(request: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const latest = useRef(0);
  const run = async (...args: A): Promise<T | undefined> => {
    const ticket = ++latest.current;
    setState({ status: 'running' });
    try {
      const value = await request(...args);
      if (ticket === latest.current) setState({ status: 'done', value });
      return ticket === latest.current ? value : undefined;
    } catch (error) {
      if (ticket === latest.current) setState({ status: 'failed', error: AsideError.from(error).toJSON() });
      return undefined;
    }
  };
  const reset = () => {
    latest.current++;
    setState({ status: 'idle' });
  };
  return { state, run, reset };
}
