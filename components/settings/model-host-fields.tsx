import { useId } from 'react';
import type { EmbeddingSettings, ModelHostKind } from '../../lib/settings/embedding-settings';
import { useT } from '../hooks/use-t';
import { Field } from './field';

const hosts: readonly ModelHostKind[] = ['hub', 'mirror', 'bundled'];

/**
 * Where in-browser models download from (the Hub, a mirror, or the extension's
 * bundled models): the embedding model's setting, which the in-browser
 * reranker shares.
 */
export function ModelHostFields({
  settings,
  update,
}: {
  settings: EmbeddingSettings;
  update: (patch: Partial<EmbeddingSettings>) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <>
      <Field id={`${id}-host`} label={t('embedder.host')}>
        <select
          id={`${id}-host`}
          value={settings.host}
          onChange={(event) => update({ host: event.target.value as ModelHostKind })}
        >
          {hosts.map((host) => (
            <option key={host} value={host}>
              {t(`embedder.host.${host}`)}
            </option>
          ))}
        </select>
      </Field>
      {settings.host === 'mirror' ? (
        <Field id={`${id}-mirror`} label={t('embedder.mirrorUrl')}>
          <input
            id={`${id}-mirror`}
            type="url"
            value={settings.mirrorUrl}
            spellCheck={false}
            onChange={(event) => update({ mirrorUrl: event.target.value })}
          />
        </Field>
      ) : null}
    </>
  );
}
