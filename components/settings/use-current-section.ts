import { useEffect, useState } from 'react';
import { type OptionsSectionId, optionsSections, sectionFromHash } from './options-sections';

/** How long after a deep link the page keeps the target section in place while settings load in. */
const settleMs = 2000;

/** Pixels below the sticky top edge (the nav row on narrow pages) at which a section counts as current. */
const offset = 24;

/** The bottom of whatever sticks to the top of the viewport (the nav row on narrow pages), else 0. */
function stickyTop(): number {
  const nav = document.querySelector('.options-nav');
  if (!nav) return 0;
  const box = nav.getBoundingClientRect();
  return box.top <= 0 && box.width >= window.innerWidth - 1 ? box.bottom : 0;
}

/** The section under the top edge of the viewport; at the very bottom, the linked one if it is in view. */
function sectionInView(): OptionsSectionId {
  const line = stickyTop() + offset;
  let current: OptionsSectionId = optionsSections[0].id;
  for (const section of optionsSections) {
    const element = document.getElementById(section.id);
    if (element && element.getBoundingClientRect().top <= line) current = section.id;
  }
  const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  const linked = sectionFromHash(location.hash);
  if (atBottom && linked) {
    const top = document.getElementById(linked)?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
    if (top < window.innerHeight) return linked;
  }
  return current;
}

/**
 * Follows which section the reader is in (for the nav's highlight) and opens
 * deep links (`#providers`, also when the hash changes on an open page).
 * Settings load after the first render and push sections down, so after a
 * deep link the target is scrolled to again as the page grows, until the
 * reader scrolls by themselves or the page has settled.
 */
export function useCurrentSection(): OptionsSectionId {
  const [current, setCurrent] = useState<OptionsSectionId>(() => sectionFromHash(location.hash) ?? 'providers');

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(sectionInView()));
    };
    let stopHolding = () => {};
    const open = () => {
      stopHolding();
      const id = sectionFromHash(location.hash);
      const target = id ? document.getElementById(id) : null;
      if (!id || !target) return;
      setCurrent(id);
      target.scrollIntoView({ block: 'start' });
      const main = document.querySelector('main');
      const follow = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
      if (main) follow.observe(main);
      const timer = window.setTimeout(() => stopHolding(), settleMs);
      const byHand = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
      stopHolding = () => {
        follow.disconnect();
        window.clearTimeout(timer);
        for (const type of byHand) window.removeEventListener(type, stopHolding);
        stopHolding = () => {};
      };
      for (const type of byHand) window.addEventListener(type, stopHolding, { passive: true });
    };
    open();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('hashchange', open);
    return () => {
      stopHolding();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('hashchange', open);
    };
  }, []);

  return current;
}
