import type { ProviderPreset } from '../../lib/llm/presets';
import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { ExternalLink } from '../ui/external-link';
import { describedBy, Field } from './field';
import type { ActionState } from './use-action';

/**
 * The API key input. It is write-only: a stored key shows as a placeholder,
 * an empty field keeps it, and "Remove saved key" deletes it.
 */
export function ApiKeyField({
  id,
  preset,
  stored,
  value,
  removing,
  onChange,
  onRemove,
}: {
  id: string;
  preset: ProviderPreset;
  stored: Profile | undefined;
  value: string;
  removing: ActionState<unknown>;
  onChange: (value: string) => void;
  onRemove: (stored: Profile) => void;
}) {
  const t = useT();
  const hint = preset.local ? (
    t('settings.apiKeyNone')
  ) : preset.keyUrl ? (
    <>
      {t('settings.apiKeyHint', { name: preset.name })}{' '}
      <ExternalLink href={preset.keyUrl}>{t('settings.apiKeyWhere')}</ExternalLink>
    </>
  ) : null;
  return (
    <Field id={id} label={t('settings.apiKey')} hint={hint}>
      <div className="row">
        <input
          id={id}
          className="grow"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={stored?.hasApiKey ? t('settings.apiKeyKeep') : ''}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy(id, { hint })}
        />
        {stored?.hasApiKey ? (
          <button type="button" disabled={removing.status === 'running'} onClick={() => onRemove(stored)}>
            {t('settings.removeKey')}
          </button>
        ) : null}
      </div>
      {removing.status === 'done' ? (
        <div className="muted" role="status">
          {t('settings.keyRemoved')}
        </div>
      ) : null}
      {removing.status === 'failed' ? <ErrorMessage error={removing.error} /> : null}
    </Field>
  );
}
