import { useId } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import type { EmbeddingSettings, RerankSettings as Rerank } from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { useT } from '../hooks/use-t';
import { CheckField } from './check-field';
import { useServerKeyOrigins } from './embedding-server-fields';
import { Field } from './field';
import { OriginKeyField } from './origin-key-field';

const off: Rerank = { enabled: false, url: '', model: '' };

/** Optional reranking of a library question's top 30 excerpts through a `/rerank` endpoint (off by default). */
export function RerankSettings({ settings }: { settings: EmbeddingSettings }) {
  const t = useT();
  const id = useId();
  const [origins, reloadOrigins] = useServerKeyOrigins();
  const rerank = settings.rerank ?? off;
  const update = (patch: Partial<Rerank>) =>
    void embeddingSettingsItem.update((current) => ({ ...current, rerank: { ...off, ...current.rerank, ...patch } }));
  return (
    <fieldset className="rerank-settings" data-testid="rerank-settings">
      <legend>{t('rerank.title')}</legend>
      <CheckField label={t('rerank.enabled')} checked={rerank.enabled} onChange={(enabled) => update({ enabled })} />
      {rerank.enabled ? (
        <>
          <Field id={`${id}-url`} label={t('rerank.url')} hint={t('rerank.hint')}>
            <input
              id={`${id}-url`}
              type="url"
              value={rerank.url}
              spellCheck={false}
              onChange={(event) => update({ url: event.target.value })}
            />
          </Field>
          <Field id={`${id}-model`} label={t('rerank.model')}>
            <input
              id={`${id}-model`}
              value={rerank.model}
              spellCheck={false}
              onChange={(event) => update({ model: event.target.value })}
            />
          </Field>
          <OriginKeyField
            label={t('embedder.server.key')}
            stored={origins.rerank !== undefined}
            origin={origins.rerank}
            saveKey={(key) => callBackground('embedder.saveKey', { kind: 'rerank', key })}
            removeKey={() => callBackground('embedder.saveKey', { kind: 'rerank', key: null })}
            onChanged={reloadOrigins}
          />
        </>
      ) : null}
    </fieldset>
  );
}
