import { useId } from 'react';
import type { EmbeddingSettings, RerankSettings as Rerank } from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { useT } from '../hooks/use-t';
import { useServerKeyOrigins } from './embedding-server-fields';
import { Field } from './field';
import { ServerKeyField } from './server-key-field';

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
      <label className="check">
        <input
          type="checkbox"
          checked={rerank.enabled}
          onChange={(event) => update({ enabled: event.target.checked })}
        />
        {t('rerank.enabled')}
      </label>
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
          <ServerKeyField kind="rerank" origin={origins.rerank} onSaved={reloadOrigins} />
        </>
      ) : null}
    </fieldset>
  );
}
