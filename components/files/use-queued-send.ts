import { useEffect, useRef, useState } from 'react';
import { type QueuedOutcome, queuedOutcome } from './queued-send';
import type { FileItem } from './use-local-files';

type Waited = readonly { readonly id: string; readonly name: string }[];

/**
 * A question sent while attached files are still being read: it is held,
 * the composer says so ("Sends once notes.pdf is read…"), and it goes by
 * itself once they are read (`send` then takes the box's text as it is).
 * When a file it waited for cannot be read or is removed, the question stays
 * in the box, unsent, and `held` says which file and why.
 */
export function useQueuedSend(items: readonly FileItem[], send: () => void) {
  const [waited, setWaited] = useState<Waited | null>(null);
  const [held, setHeld] = useState<Extract<QueuedOutcome, { type: 'hold' }> | null>(null);
  // The latest send, which reads the box's text of the latest render.
  const latest = useRef(send);
  latest.current = send;
  useEffect(() => {
    if (!waited) return;
    const outcome = queuedOutcome(waited, items);
    if (outcome.type === 'wait') return;
    setWaited(null);
    if (outcome.type === 'send') latest.current();
    else setHeld(outcome);
  }, [waited, items]);
  const now = waited ? queuedOutcome(waited, items) : null;
  return {
    /** The files a held question waits for, while it waits. */
    waiting: now?.type === 'wait' ? now.reading : null,
    /** The file that kept the question unsent, and why. */
    held,
    /** Holds the question until the files being read now are read. */
    hold: () => {
      setHeld(null);
      setWaited(items.filter((item) => item.status === 'reading').map(({ id, name }) => ({ id, name })));
    },
    /** Forgets the note about a question kept unsent (a question was sent). */
    clearHeld: () => setHeld(null),
  };
}
