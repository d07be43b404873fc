import { useT } from '../hooks/use-t';

/** "Showing 50 of 1,000 pages" and a Show more button at the end of a paged list. */
export function LoadMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const t = useT();
  if (total === 0) return null;
  return (
    <div className="row load-more" data-testid="library-count">
      <span className="muted grow">{t('library.showing', { shown: Math.min(shown, total), total })}</span>
      {shown < total ? (
        <button type="button" className="ghost" onClick={onMore}>
          {t('library.showMore')}
        </button>
      ) : null}
    </div>
  );
}
