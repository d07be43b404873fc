import { type ReactNode, useId, useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import type { ApiEngineId } from '../../lib/search/engines';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { describedBy, Field } from './field';
import { useAction } from './use-action';

/**
 * A search engine's API key: write-only (a saved key shows as the origin it is
 * bound to, never as text). Saved for the engine's current address: set the
 * address first, since the key never follows it to another origin.
 */
export function SearchKeyField({
  engine,
  origin,
  hint,
  onSaved,
}: {
  engine: ApiEngineId;
  /** The origin the saved key is bound to; undefined when none is saved. */
  origin: string | undefined;
  hint: ReactNode;
  onSaved: () => void;
}) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState('');
  const save = useAction(async (key: string | null) => {
    await callBackground('search.saveKey', { engine, key });
    setValue('');
    onSaved();
  });
  return (
    <Field id={id} label={t('settings.apiKey')} hint={hint}>
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
          {t('websearch.saveKey')}
        </button>
        {origin ? (
          <button type="button" disabled={save.state.status === 'running'} onClick={() => void save.run(null)}>
            {t('settings.removeKey')}
          </button>
        ) : null}
      </div>
      {origin ? <div className="muted">{t('websearch.keyStored', { origin })}</div> : null}
      {save.state.status === 'done' ? (
        <div className="muted" role="status">
          {t('websearch.keySaved')}
        </div>
      ) : null}
      {save.state.status === 'failed' ? <ErrorMessage error={save.state.error} /> : null}
    </Field>
  );
}
