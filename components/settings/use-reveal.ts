import { type RefObject, useEffect, useRef } from 'react';

/**
 * Scrolls an element into view when `trigger` changes to a truthy value: a
 * result or confirmation that would otherwise appear below the fold (the
 * Test connection result under a long form, "Saved." after a save).
 */
export function useReveal<T extends HTMLElement>(trigger: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!trigger) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }, [trigger]);
  return ref;
}
