import { useState } from 'react';
import type { ChosenEngine } from '../../lib/search/chosen-engine';
import { allowWebSearch, currentEngine, webSearchAllowed } from '../../lib/search/web-search-consent';

/** A web question waiting for the user's "Allow web search". */
export interface PendingWebSearch {
  readonly engine: ChosenEngine;
  readonly send: () => void;
}

/**
 * The first web search on an engine waits for the user's consent, given in
 * the panel: `guard(send)` sends at once when the engine's host is allowed
 * (or not set up: the search then says what is missing), else holds it.
 */
export function useWebConsent() {
  const [pending, setPending] = useState<PendingWebSearch | null>(null);
  const [declined, setDeclined] = useState<string | null>(null);
  const guard = async (send: () => void) => {
    setDeclined(null);
    const engine = await currentEngine();
    if (!engine || (await webSearchAllowed(engine))) return send();
    setPending({ engine, send });
  };
  const allow = async () => {
    if (!pending) return;
    setPending(null);
    await allowWebSearch(pending.engine);
    pending.send();
  };
  const deny = () => {
    setDeclined(pending?.engine.name ?? null);
    setPending(null);
  };
  return { pending, declined, guard, allow, deny };
}
