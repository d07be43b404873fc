import { useEffect, useRef } from 'react';
import { useT } from '../hooks/use-t';

/**
 * "Showing 50 of 1,000 pages" and a Show more button at the end of a paged
 * list; it also loads more by itself when scrolled into view, so scrolling
 * down the list keeps going.
 */
export function LoadMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  const more = shown < total;
  useEffect(() => {
    const target = button.current;
    if (!more || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [more, onMore]);
  if (total === 0) return null;
  return (
    <div className="row load-more" data-testid="library-count">
      <span className="muted grow">{t('library.showing', { shown: Math.min(shown, total), total })}</span>
      {more ? (
        <button ref={button} type="button" className="ghost" onClick={onMore}>
          {t('library.showMore')}
        </button>
      ) : null}
    </div>
  );
}
