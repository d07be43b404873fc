import { useT } from '../hooks/use-t';
import { IndexingStatus } from '../library/indexing-status';
import { SemanticSearchStatus } from '../library/semantic-search-status';
import { InfoLine } from './info-line';

/**
 * Shown instead of the page line when questions go to the library: how many
 * pages are indexed (with progress and problems), and behind ⓘ what this scope
 * does and the offer to search by meaning (which names the model and its host).
 */
export function LibraryBar() {
  const t = useT();
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
      <IndexingStatus semanticOffer={false} />
    </InfoLine>
  );
}
