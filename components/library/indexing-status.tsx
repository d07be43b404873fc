import { useLiveQuery } from 'dexie-react-hooks';
import { callBackground } from '../../lib/messaging/requests';
import { readIngestProgress } from '../../lib/rag/ingest-counts';
import { ingestBatchStartedItem, ingestPausedItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { SemanticSearchStatus } from './semantic-search-status';

type IngestAction = 'pause' | 'resume' | 'cancel' | 'retry';

/**
 * Indexing progress ("Indexing 3 of 12 pages"), with Pause, Cancel and Retry;
 * counted from indexes. `semanticOffer: false` leaves out the offer to turn on
 * semantic search (see SemanticSearchStatus).
 */
export function IndexingStatus({ semanticOffer = true }: { semanticOffer?: boolean }) {
  const t = useT();
  const batchStartedAt = useStorageItem(ingestBatchStartedItem) ?? 0;
  const progress = useLiveQuery(() => readIngestProgress(batchStartedAt), [batchStartedAt]);
  const paused = useStorageItem(ingestPausedItem) ?? false;
  if (!progress) return null;
  const act = (action: IngestAction) => () => void callBackground('ingest.control', { action });
  const button = (action: IngestAction, label: string) => (
    <button type="button" className="ghost" onClick={act(action)}>
      {label}
    </button>
  );
  const waiting = progress.total - progress.current + (progress.active ? 1 : 0);
  return (
    <div className="indexing-status" data-testid="indexing-status">
      <SemanticSearchStatus offer={semanticOffer} />
      {progress.lastError ? (
        <ErrorMessage error={progress.lastError}>
          <div className="row">
            <span>{t('rag.failed')}</span>
            {button('retry', t('common.retry'))}
          </div>
        </ErrorMessage>
      ) : null}
      {progress.active && paused ? (
        <div className="row">
          <span className="muted">{t('rag.paused', { count: waiting })}</span>
          {button('resume', t('rag.resume'))}
          {button('cancel', t('rag.cancel'))}
        </div>
      ) : progress.active && !progress.lastError ? (
        <div className="row">
          <progress max={progress.total} value={progress.current - 1} />
          <span className="muted">{t('rag.indexing', { current: progress.current, total: progress.total })}</span>
          {button('pause', t('rag.pause'))}
          {button('cancel', t('rag.cancel'))}
        </div>
      ) : (
        <div className="row">
          <span className="muted">{t('rag.indexed', { count: progress.indexedPages })}</span>
          {progress.cancelled > 0 ? (
            <>
              <span className="muted">{t('rag.cancelled', { count: progress.cancelled })}</span>
              {button('retry', t('rag.indexAgain'))}
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}
