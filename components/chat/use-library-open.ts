import { useEffect, useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';

/** Opens shorter than this show no status: a small library opens at once, and a flash would only distract. */
const quietMs = 250;

/**
 * Asks the background to open the library's indexes while the Library scope is
 * shown (when it is chosen, and when the panel gets focus again: the service
 * worker may have stopped meanwhile), so a question does not wait for them.
 * `opening`: a noticeable open is under way; `opened`: the last open finished
 * with the indexes in memory (false for an empty library).
 */
export function useLibraryOpen(): { opening: boolean; opened: boolean } {
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      clearTimeout(timer);
      timer = setTimeout(() => live && setOpening(true), quietMs);
      void callBackground('library.open', {})
        .then((reply) => live && setOpened(reply.opened))
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timer);
          if (live) setOpening(false);
        });
    };
    open();
    window.addEventListener('focus', open);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener('focus', open);
    };
  }, []);
  return { opening, opened };
}
