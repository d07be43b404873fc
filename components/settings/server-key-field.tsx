import { type ReactNode, useId, useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import type { ServerKeyKind } from '../../lib/rag/server-keys';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { describedBy, Field } from './field';
import { useAction } from './use-action';

/**
 * The embeddings or rerank server's API key: write-only (a saved key shows as
 * the origin it is bound to, never as text). Saved for the server's current
 * address: set the address first, since the key never follows it elsewhere.
 */
export function ServerKeyField({
  kind,
  origin,
  hint,
  onSaved,
}: {
  kind: ServerKeyKind;
  /** The origin the saved key is bound to; undefined when none is saved. */
  origin: string | undefined;
  hint?: ReactNode;
  onSaved: () => void;
}) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState('');
  const save = useAction(async (key: string | null) => {
    await callBackground('embedder.saveKey', { kind, key });
    setValue('');
    onSaved();
  });
  return (
    <Field id={id} label={t('embedder.server.key')} hint={hint}>
      <div className="row">
        <input
          id={id}
          className="grow"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={origin ? t('settings.apiKeyKeep') : ''}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={describedBy(id, { hint })}
        />
        <button
          type="button"
          disabled={!value.trim() || save.state.status === 'running'}
          onClick={() => void save.run(value)}
        >
          {t('embedder.server.saveKey')}
        </button>
        {origin ? (
          <button type="button" disabled={save.state.status === 'running'} onClick={() => void save.run(null)}>
            {t('settings.removeKey')}
          </button>
        ) : null}
      </div>
      {origin ? <div className="muted">{t('embedder.server.keyStored', { origin })}</div> : null}
      {save.state.status === 'done' ? (
        <div className="muted" role="status">
          {t('embedder.server.keySaved')}
        </div>
      ) : null}
      {save.state.status === 'failed' ? <ErrorMessage error={save.state.error} /> : null}
    </Field>
  );
}
