import { useT } from '../hooks/use-t';
import { IndexingStatus } from '../library/indexing-status';
import { SemanticSearchStatus } from '../library/semantic-search-status';
import { InfoLine } from './info-line';
import { useLibraryOpen } from './use-library-open';

/**
 * Shown instead of the page line when questions go to the library: how many
 * pages are indexed (with progress and problems), and behind ⓘ what this scope
 * does and the offer to search by meaning (which names the model and its host).
 * While shown it has the library's indexes opened, and says so when that takes a moment.
 */
export function LibraryBar() {
  const t = useT();
  const { opening, opened } = useLibraryOpen();
  return (
    <InfoLine
      className="context-bar library-bar"
      testId="library-bar"
      label={t('rag.aboutLibrary')}
      details={
        <>
          <p>{t('rag.libraryBar')}</p>
          <SemanticSearchStatus />
        </>
      }
    >
      {/* data-library-open: the background holds the library's indexes (tests wait on it before a question). */}
      <span className="library-bar-status" data-library-open={opened} style={{ display: 'contents' }}>
        <IndexingStatus semanticOffer={false} />
        {opening ? (
          <span className="library-opening" role="status" data-testid="library-opening">
            {t('rag.opening')}
          </span>
        ) : null}
      </span>
    </InfoLine>
  );
}
