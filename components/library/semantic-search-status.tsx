import { browser } from 'wxt/browser';
import { callBackground } from '../../lib/messaging/requests';
import { embedderStatusItem } from '../../lib/rag/embedder-status';
import { activeEmbeddingModel, usesServer } from '../../lib/rag/embedding-server';
import { modelHostUrl } from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { InfoLine } from '../chat/info-line';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { DownloadProgress } from '../settings/model-status';
import { ErrorMessage } from '../ui/error-message';
import { EmbedBackendLine } from './embed-backend-line';

/**
 * Whether questions also search by meaning: an offer to download the model
 * (never fetched without the user asking), its download progress, or why it
 * failed with Retry; once ready, where the model runs. What the download is
 * (model id, host) stays behind ⓘ. Keyword search works
 * in every state. `offer: false` leaves out the offer and its explanation
 * (the chat's library line shows them behind ⓘ); progress, errors and where
 * the model runs always show.
 */
export function SemanticSearchStatus({ offer = true }: { offer?: boolean }) {
  const { t } = useI18n();
  const settings = useStorageItem(embeddingSettingsItem);
  const status = useStorageItem(embedderStatusItem);
  // Firefox has no offscreen document for the in-browser model; an embeddings server works anywhere.
  if (!settings || (!browser.offscreen && !usesServer(settings))) return null;
  const current = status?.modelId === activeEmbeddingModel(settings) ? status : undefined;
  // Errors land in the embedder status; the promise's rejection needs no handling here.
  const enable = () => void callBackground('embedder.prepare', {}).catch(() => undefined);
  const retry = () => void callBackground('ingest.control', { action: 'retry' });

  if (!settings.enabled) {
    if (!offer) return null;
    return (
      <div className="semantic-status" data-testid="semantic-status" data-state="off">
        <InfoLine
          label={t('rag.aboutSemantic')}
          details={t('rag.enableSemanticHint', { model: settings.modelId, host: modelHostUrl(settings) ?? 'Aside' })}
        >
          <span className="muted">{t('rag.keywordOnly')}</span>
          <button type="button" className="ghost" onClick={enable}>
            {t('rag.enableSemantic')}
          </button>
        </InfoLine>
      </div>
    );
  }
  if (current?.state === 'loading') {
    return (
      <div className="semantic-status" data-testid="semantic-status" data-state="loading">
        <DownloadProgress status={current} />
      </div>
    );
  }
  if (current?.state === 'error' && current.error) {
    return (
      <div className="semantic-status" data-testid="semantic-status" data-state="error">
        <ErrorMessage error={current.error}>
          <div className="note">{t('rag.semanticFailed')}</div>
          <button type="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </ErrorMessage>
      </div>
    );
  }
  return current?.state === 'ready' ? <EmbedBackendLine status={current} /> : null;
}
