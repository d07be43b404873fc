import { useCallback, useEffect, useId, useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import type { EmbedderStatus } from '../../lib/rag/embedder-status';
import { embeddingServerPresets } from '../../lib/rag/embedding-server';
import type { ServerKeyKind } from '../../lib/rag/server-keys';
import type { EmbeddingServer, EmbeddingSettings } from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { Field } from './field';
import { OriginKeyField } from './origin-key-field';

const emptyServer: EmbeddingServer = { preset: 'custom', baseURL: '', model: '' };

/** The origins the embeddings and rerank keys are bound to, reloaded after a save. */
export function useServerKeyOrigins(): [Partial<Record<ServerKeyKind, string>>, () => void] {
  const [origins, setOrigins] = useState<Partial<Record<ServerKeyKind, string>>>({});
  const reload = useCallback(() => {
    void callBackground('embedder.keyOrigins', {})
      .then((reply) => setOrigins(reply.origins))
      .catch(() => undefined);
  }, []);
  useEffect(reload, [reload]);
  return [origins, reload];
}

/**
 * An OpenAI-compatible embeddings server: a preset (Ollama, vLLM, TEI, …) or
 * a custom address, the model, optional dimensions, the key (bound to the
 * address's origin), and Test connection, which embeds a probe text there.
 */
export function EmbeddingServerFields({
  settings,
  status,
  onTest,
}: {
  settings: EmbeddingSettings;
  status: EmbedderStatus | undefined;
  onTest: () => void;
}) {
  const t = useT();
  const id = useId();
  const [origins, reloadOrigins] = useServerKeyOrigins();
  const server = settings.server ?? emptyServer;
  const update = (patch: Partial<EmbeddingServer>) =>
    void embeddingSettingsItem.update((current) => ({
      ...current,
      server: { ...emptyServer, ...current.server, ...patch },
    }));
  const pickPreset = (presetId: string) => {
    const preset = embeddingServerPresets.find((p) => p.id === presetId);
    if (preset) update({ preset: preset.id, baseURL: preset.baseURL, model: preset.model });
  };

  return (
    <div data-testid="embedding-server">
      <p className="muted">{t('embedder.server.hint')}</p>
      <Field id={`${id}-preset`} label={t('embedder.server.preset')}>
        <select id={`${id}-preset`} value={server.preset} onChange={(event) => pickPreset(event.target.value)}>
          {embeddingServerPresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.id === 'custom' ? t('embedder.server.custom') : preset.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-url`} label={t('embedder.server.baseURL')}>
        <input
          id={`${id}-url`}
          type="url"
          value={server.baseURL}
          spellCheck={false}
          onChange={(event) => update({ baseURL: event.target.value })}
        />
      </Field>
      <Field id={`${id}-model`} label={t('embedder.server.model')}>
        <input
          id={`${id}-model`}
          value={server.model}
          spellCheck={false}
          onChange={(event) => update({ model: event.target.value })}
        />
      </Field>
      <Field id={`${id}-dims`} label={t('embedder.server.dimensions')}>
        <input
          id={`${id}-dims`}
          type="number"
          min={1}
          max={8192}
          value={server.dimensions ?? ''}
          onChange={(event) => {
            const value = Number.parseInt(event.target.value, 10);
            const { dimensions: _dropped, ...rest } = server;
            void embeddingSettingsItem.update((current) => ({
              ...current,
              server: value > 0 ? { ...rest, dimensions: Math.min(value, 8192) } : rest,
            }));
          }}
        />
      </Field>
      <OriginKeyField
        label={t('embedder.server.key')}
        stored={origins.embedding !== undefined}
        origin={origins.embedding}
        saveKey={(key) => callBackground('embedder.saveKey', { kind: 'embedding', key })}
        removeKey={() => callBackground('embedder.saveKey', { kind: 'embedding', key: null })}
        onChanged={reloadOrigins}
      />
      <ServerStatus status={status} onTest={onTest} />
    </div>
  );
}

/** Whether the server answered the last call: its model and vector size, or its error (with Retry). */
function ServerStatus({ status, onTest }: { status: EmbedderStatus | undefined; onTest: () => void }) {
  const t = useT();
  const state = status?.state ?? 'idle';
  let host = '';
  try {
    host = status ? new URL(status.source).host : '';
  } catch {
    host = status?.source ?? '';
  }
  const model = status?.modelId.split('#').slice(1).join('#') ?? '';
  return (
    <div className="model-status" data-testid="model-status" data-state={state} role="status">
      {state === 'idle' || state === 'loading' ? <div className="muted">{t('embedder.state.serverIdle')}</div> : null}
      {state === 'ready' && status ? (
        <div>{t('embedder.state.readyServer', { model, host, dims: status.dims ?? 0 })}</div>
      ) : null}
      {state === 'error' && status?.error ? <ErrorMessage error={status.error} /> : null}
      <button type="button" onClick={onTest}>
        {t('embedder.server.test')}
      </button>
    </div>
  );
}
