import { useEffect, useRef } from 'react';
import { useT } from '../hooks/use-t';
import { type OptionsSectionId, optionsSections } from './options-sections';

/**
 * The section links: a column beside the page on wide screens, a scrolling
 * row pinned to the top on narrow ones. Plain anchors, so each section has an
 * address and the browser's back button walks through them.
 */
export function OptionsNav({ current }: { current: OptionsSectionId }) {
  const t = useT();
  const nav = useRef<HTMLElement>(null);
  // In the narrow layout the row scrolls sideways: keep the current link in it, without moving the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` is the trigger; the link is found in the DOM
  useEffect(() => {
    const row = nav.current;
    const link = row?.querySelector<HTMLElement>('[aria-current]');
    if (!row || !link || row.scrollWidth <= row.clientWidth) return;
    const left = link.offsetLeft; // the sticky nav is the link's offset parent
    if (left < row.scrollLeft || left + link.offsetWidth > row.scrollLeft + row.clientWidth) {
      row.scrollLeft = left - (row.clientWidth - link.offsetWidth) / 2;
    }
  }, [current]);
  return (
    <nav ref={nav} className="options-nav" aria-label={t('settings.sections')}>
      <ul>
        {optionsSections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} aria-current={section.id === current ? 'location' : undefined}>
              {t(section.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
