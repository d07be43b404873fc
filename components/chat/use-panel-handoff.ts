import { useEffect, useRef } from 'react';
import { type PanelHandoff, panelHandoffItem } from '../../lib/actions/panel-handoff';

/** A handoff older than this was never picked up (the panel failed to open) and is dropped. */
const freshMs = 60_000;

/**
 * Takes what the in-page card handed over: a conversation to open ("Continue
 * in side panel") or a quoted selection for the composer ("Ask about this").
 * Read on opening and live while open; cleared once taken.
 */
export function usePanelHandoff(handlers: { open(id: string): void; draft(text: string): void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const take = (handoff: PanelHandoff | null) => {
      if (!handoff) return;
      void panelHandoffItem.setValue(null);
      if (Date.now() - handoff.at > freshMs) return;
      if (handoff.conversationId) latest.current.open(handoff.conversationId);
      if (handoff.draft) latest.current.draft(handoff.draft);
    };
    void panelHandoffItem.getValue().then(take);
    return panelHandoffItem.watch(take);
  }, []);
}
