import { type ReactNode, useId, useState } from 'react';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { describedBy, Field } from './field';
import { useAction } from './use-action';
import { useReveal } from './use-reveal';

/**
 * An API key input, for every key Aside keeps (provider profiles, search
 * engines, embeddings and rerank servers). Write-only: a saved key shows as a
 * placeholder and as the origin it is bound to, never as text; an empty field
 * keeps it. The background binds each key to the origin of the address it
 * was saved for and never sends it elsewhere, so the address comes first.
 *
 * With `saveKey` the field saves the key on its own ("Save key"); without it
 * the caller owns the value (`value`/`onChange`) and saves it with its form.
 */
export function OriginKeyField({
  id: givenId,
  label,
  hint,
  stored,
  origin,
  value: controlled,
  onChange,
  saveKey,
  removeKey,
  onChanged,
}: {
  id?: string;
  label: string;
  hint?: ReactNode;
  /** Whether a key is saved. */
  stored: boolean;
  /** The origin the saved key is bound to, when known. */
  origin?: string | undefined;
  value?: string;
  onChange?: (value: string) => void;
  /** Saves the typed key alone; throws on failure. */
  saveKey?: (key: string) => Promise<unknown>;
  /** Deletes the saved key; throws on failure. */
  removeKey: () => Promise<unknown>;
  /** After a save or removal succeeded (e.g. to reload the origins). */
  onChanged?: () => void;
}) {
  const t = useT();
  const ownId = useId();
  const id = givenId ?? ownId;
  const [own, setOwn] = useState('');
  const value = controlled ?? own;
  const setValue = onChange ?? setOwn;
  const save = useAction(async (key: string) => {
    await saveKey?.(key);
    setValue('');
    onChanged?.();
  });
  const remove = useAction(async () => {
    await removeKey();
    onChanged?.();
  });
  const busy = save.state.status === 'running' || remove.state.status === 'running';
  const outcome = save.state.status === 'idle' ? remove.state : save.state;
  const shown = useReveal<HTMLDivElement>(outcome.status === 'done' || outcome.status === 'failed' ? outcome : null);
  return (
    <Field id={id} label={label} hint={hint}>
      <div className="row">
        <input
          id={id}
          className="grow"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={stored ? t('settings.apiKeyKeep') : ''}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={describedBy(id, { hint })}
        />
        {saveKey ? (
          <button
            type="button"
            disabled={!value.trim() || busy}
            onClick={() => {
              remove.reset();
              void save.run(value);
            }}
          >
            {t('key.save')}
          </button>
        ) : null}
        {stored ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              save.reset();
              void remove.run();
            }}
          >
            {t('settings.removeKey')}
          </button>
        ) : null}
      </div>
      {stored && origin ? <div className="muted">{t('key.stored', { origin })}</div> : null}
      <div ref={shown}>
        {outcome.status === 'done' ? (
          <div className="muted" role="status">
            {save.state.status === 'done' ? t('key.saved') : t('settings.keyRemoved')}
          </div>
        ) : null}
        {outcome.status === 'failed' ? <ErrorMessage error={outcome.error} /> : null}
      </div>
    </Field>
  );
}
