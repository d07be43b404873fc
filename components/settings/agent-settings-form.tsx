import { useEffect, useId, useState } from 'react';
import { agentSettingsItem, consentGrantsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { describedBy, Field } from './field';

const limits = { min: 1, max: 100 } as const;

/** Agent mode: the step limit, and the "always for this site" grants with a way to revoke them. */
export function AgentSettingsForm() {
  const t = useT();
  const id = useId();
  const settings = useStorageItem(agentSettingsItem);
  const grants = useStorageItem(consentGrantsItem);
  // Kept as typed and stored only when valid, so clearing the field to retype works.
  const [stepsText, setStepsText] = useState('');
  const stored = settings?.maxSteps;
  useEffect(() => {
    if (stored !== undefined) setStepsText(String(stored));
  }, [stored]);
  if (!settings) return null;
  const hint = t('agent.settings.maxStepsHint', { min: limits.min, max: limits.max });
  const commit = (text: string) => {
    setStepsText(text);
    const value = Number(text);
    if (text.trim() !== '' && Number.isInteger(value) && value >= limits.min && value <= limits.max) {
      void agentSettingsItem.update((current) => ({ ...current, maxSteps: value }));
    }
  };
  const granted = Object.keys(grants ?? {});
  return (
    <div className="agent-settings">
      <Field id={`${id}-steps`} label={t('agent.settings.maxSteps')} hint={hint}>
        <input
          id={`${id}-steps`}
          className="narrow"
          type="number"
          min={limits.min}
          max={limits.max}
          value={stepsText}
          aria-describedby={describedBy(`${id}-steps`, { hint })}
          onChange={(event) => commit(event.target.value)}
          onBlur={() => setStepsText(String(settings.maxSteps))}
        />
      </Field>
      <p className="muted">{granted.length === 0 ? t('agent.settings.noGrants') : t('agent.settings.grants')}</p>
      {granted.length > 0 ? (
        <ul data-testid="agent-grants">
          {granted.map((key) => (
            <li key={key} className="row">
              <code>{key}</code>
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  void consentGrantsItem.update((current) => {
                    const { [key]: _revoked, ...rest } = current;
                    return rest;
                  });
                }}
              >
                {t('agent.settings.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
