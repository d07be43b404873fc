import { useId } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import { type EmbedderStatus, embedderStatusItem } from '../../lib/rag/embedder-status';
import { activeEmbeddingModel } from '../../lib/rag/embedding-server';
import { type EmbedBackendSetting, type EmbeddingSettings, modelHostUrl } from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { EmbeddingServerFields } from './embedding-server-fields';
import { Field } from './field';
import { ModelHostFields } from './model-host-fields';
import { ModelStatus } from './model-status';
import { RerankSettings } from './rerank-settings';

const backends: readonly EmbedBackendSetting[] = ['auto', 'wasm'];

/** Embedding model, where it is downloaded from, where it runs, and a button that downloads and tests it. */
export function EmbedderSettings() {
  const t = useT();
  const id = useId();
  const settings = useStorageItem(embeddingSettingsItem);
  const status = useStorageItem(embedderStatusItem);
  if (!settings) return null;
  const update = (patch: Partial<EmbeddingSettings>) =>
    void embeddingSettingsItem.update((current) => ({ ...current, ...patch }));
  // Errors show in the status line (the background records them), so the rejection needs no handling here.
  const prepare = () => void callBackground('embedder.prepare', {}).catch(() => undefined);
  const onServer = settings.runOn === 'server';
  const source = onServer ? (settings.server?.baseURL ?? '') : (modelHostUrl(settings) ?? 'bundled');
  const active = activeEmbeddingModel(settings);
  const current = status && status.modelId === active && status.source === source ? status : undefined;

  return (
    <div className="embedder-settings" data-testid="embedder-settings">
      <p className="muted">{t('embedder.intro')}</p>
      <Field id={`${id}-run-on`} label={t('embedder.runOn')}>
        <select
          id={`${id}-run-on`}
          value={settings.runOn ?? 'browser'}
          onChange={(event) => update({ runOn: event.target.value as 'browser' | 'server' })}
        >
          <option value="browser">{t('embedder.runOn.browser')}</option>
          <option value="server">{t('embedder.runOn.server')}</option>
        </select>
      </Field>
      {onServer ? (
        <EmbeddingServerFields settings={settings} status={current} onTest={prepare} />
      ) : (
        <InBrowserFields settings={settings} update={update} status={current} onPrepare={prepare} />
      )}
      <RerankSettings settings={settings} />
    </div>
  );
}

/** The in-browser model: its name, where it is downloaded from, where it runs, and its download/test button. */
function InBrowserFields({
  settings,
  update,
  status,
  onPrepare,
}: {
  settings: EmbeddingSettings;
  update: (patch: Partial<EmbeddingSettings>) => void;
  status: EmbedderStatus | undefined;
  onPrepare: () => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <>
      <Field id={`${id}-model`} label={t('embedder.model')}>
        <input
          id={`${id}-model`}
          value={settings.modelId}
          spellCheck={false}
          onChange={(event) => update({ modelId: event.target.value.trim() })}
        />
      </Field>
      <ModelHostFields settings={settings} update={update} />
      <Field id={`${id}-backend`} label={t('embedder.backend')}>
        <select
          id={`${id}-backend`}
          value={settings.backend ?? 'auto'}
          onChange={(event) => update({ backend: event.target.value as EmbedBackendSetting })}
        >
          {backends.map((backend) => (
            <option key={backend} value={backend}>
              {t(`embedder.backend.${backend}`)}
            </option>
          ))}
        </select>
      </Field>
      <ModelStatus status={status} onPrepare={onPrepare} />
    </>
  );
}
