import { useT } from '../hooks/use-t';
import { IndexingStatus } from '../library/indexing-status';

/** Shown instead of the page bar when questions go to the library. */
export function LibraryBar() {
  const t = useT();
  return (
    <div className="context-bar library-bar" data-testid="library-bar">
      <div className="muted">{t('rag.libraryBar')}</div>
      <IndexingStatus />
    </div>
  );
}
