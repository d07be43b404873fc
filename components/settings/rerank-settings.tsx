import { useId } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import {
  DEFAULT_RERANK_MODEL,
  type EmbeddingSettings,
  type RerankSettings as Rerank,
  rerankRunsOn,
} from '../../lib/settings/embedding-settings';
import { embeddingSettingsItem } from '../../lib/settings/secure-settings';
import { useT } from '../hooks/use-t';
import { CheckField } from './check-field';
import { useServerKeyOrigins } from './embedding-server-fields';
import { Field } from './field';
import { ModelHostFields } from './model-host-fields';
import { OriginKeyField } from './origin-key-field';

/** Turned on for the first time, reranking runs in the browser: nothing leaves it. */
const off: Rerank = { enabled: false, runOn: 'browser', url: '', model: '' };

/**
 * Optional reranking of a library question's top 30 excerpts (off by
 * default): by a cross-encoder in the browser, or through a `/rerank` endpoint.
 */
export function RerankSettings({ settings }: { settings: EmbeddingSettings }) {
  const t = useT();
  const id = useId();
  const rerank = settings.rerank ?? off;
  // A value stored before the browser option has no `runOn` and means the server: an edit must keep it so.
  const update = (patch: Partial<Rerank>) =>
    void embeddingSettingsItem.update((current) => {
      const stored = current.rerank ? { runOn: rerankRunsOn(current.rerank) } : {};
      return { ...current, rerank: { ...off, ...stored, ...current.rerank, ...patch } };
    });
  const runOn = rerankRunsOn(rerank);
  return (
    <fieldset className="rerank-settings" data-testid="rerank-settings">
      <legend>{t('rerank.title')}</legend>
      <CheckField label={t('rerank.enabled')} checked={rerank.enabled} onChange={(enabled) => update({ enabled })} />
      {rerank.enabled ? (
        <>
          <Field id={`${id}-run-on`} label={t('rerank.runOn')}>
            <select
              id={`${id}-run-on`}
              value={runOn}
              onChange={(event) => update({ runOn: event.target.value as 'browser' | 'server' })}
            >
              <option value="browser">{t('rerank.runOn.browser')}</option>
              <option value="server">{t('rerank.runOn.server')}</option>
            </select>
          </Field>
          {runOn === 'browser' ? (
            <BrowserFields rerank={rerank} update={update} settings={settings} />
          ) : (
            <ServerFields rerank={rerank} update={update} />
          )}
        </>
      ) : null}
    </fieldset>
  );
}

type FieldsProps = { rerank: Rerank; update: (patch: Partial<Rerank>) => void };

/**
 * The in-browser cross-encoder's model id (empty: the default), downloaded
 * from the embedder's model host; that host's fields are repeated here when
 * the embedder runs on a server and its own are hidden.
 */
function BrowserFields({ rerank, update, settings }: FieldsProps & { settings: EmbeddingSettings }) {
  const t = useT();
  const id = useId();
  return (
    <>
      {settings.runOn === 'server' ? (
        <ModelHostFields
          settings={settings}
          update={(patch) => void embeddingSettingsItem.update((current) => ({ ...current, ...patch }))}
        />
      ) : null}
      <Field
        id={`${id}-model-id`}
        label={t('rerank.modelId')}
        hint={t('rerank.browserHint', { model: DEFAULT_RERANK_MODEL })}
      >
        <input
          id={`${id}-model-id`}
          value={rerank.modelId ?? ''}
          placeholder={DEFAULT_RERANK_MODEL}
          spellCheck={false}
          onChange={(event) => update({ modelId: event.target.value })}
        />
      </Field>
      {import.meta.env.FIREFOX ? (
        <p className="field-hint muted" role="note">
          {t('rerank.browserFirefox')}
        </p>
      ) : null}
    </>
  );
}

/** A `/rerank` endpoint: its address, model name and key. */
function ServerFields({ rerank, update }: FieldsProps) {
  const t = useT();
  const id = useId();
  const [origins, reloadOrigins] = useServerKeyOrigins();
  return (
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
  );
}
