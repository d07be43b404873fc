import type { EmbedderStatus } from '../../lib/rag/embedder-status';
import { useI18n } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';

const MB = 1024 * 1024;

/** The model download as a progress bar with sizes in MB ("Downloading 12.0 of 118.0 MB…"). */
export function DownloadProgress({ status }: { status: EmbedderStatus }) {
  const { t, locale } = useI18n();
  const mb = (bytes: number) =>
    (bytes / MB).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const label = t('embedder.state.loading', { loaded: mb(status.loadedBytes), total: mb(status.totalBytes) });
  return (
    <div className="download-progress">
      <progress
        data-testid="model-progress"
        value={status.loadedBytes}
        max={status.totalBytes || 1}
        aria-label={label}
      />
      <div className="muted">{label}</div>
    </div>
  );
}

/** The embedder's state for the model in the form: a download bar with sizes, ready, or an error with retry. */
export function ModelStatus({ status, onPrepare }: { status: EmbedderStatus | undefined; onPrepare: () => void }) {
  const { t } = useI18n();
  const state = status?.state ?? 'idle';
  return (
    <div className="model-status" data-testid="model-status" data-state={state} role="status">
      {state === 'idle' ? <div className="muted">{t('embedder.state.idle')}</div> : null}
      {state === 'loading' && status ? <DownloadProgress status={status} /> : null}
      {state === 'ready' && status ? (
        <div>
          {t('embedder.state.ready', {
            model: status.modelId,
            dims: status.dims ?? 0,
            backend: status.backend === 'webgpu' ? 'WebGPU' : 'WebAssembly',
          })}
        </div>
      ) : null}
      {state === 'error' && status?.error ? (
        <ErrorMessage error={status.error}>
          <button type="button" onClick={onPrepare}>
            {t('embedder.retry')}
          </button>
        </ErrorMessage>
      ) : null}
      {state === 'idle' || state === 'ready' ? (
        <button type="button" onClick={onPrepare}>
          {t('embedder.test')}
        </button>
      ) : null}
    </div>
  );
}
