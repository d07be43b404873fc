import { useId, useState } from 'react';
import type { AutoSaveSettings } from '../../lib/library/auto-save-settings';
import { autoSaveSettingsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { CheckField } from './check-field';
import { Field } from './field';
import { UnitInput } from './unit-input';

const sitesFrom = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((site) => site.trim().toLowerCase())
    .filter(Boolean);

/** Automatic saving: off by default; reading time; allowed and private sites. */
export function AutoSaveSettingsForm() {
  const t = useT();
  const id = useId();
  const stored = useStorageItem(autoSaveSettingsItem);
  // Shown at once, before storage confirms; each change merges into the stored value, never a stale copy.
  const [shown, setShown] = useState<AutoSaveSettings | null>(null);
  const settings = shown ?? stored;
  if (!settings) return null;
  const update = (change: Partial<AutoSaveSettings>) => {
    setShown({ ...settings, ...change });
    // Writes run one after another from the latest value, so two quick changes cannot overwrite each other.
    void autoSaveSettingsItem.update((current) => ({ ...current, ...change }));
  };
  return (
    <div className="general-settings auto-save-settings">
      <CheckField
        label={t('autosave.enabled')}
        hint={t('autosave.never')}
        checked={settings.enabled}
        onChange={(enabled) => update({ enabled })}
      />
      <Field id={`${id}-seconds`} label={t('autosave.minRead')}>
        <UnitInput
          id={`${id}-seconds`}
          unit={t('settings.unit.seconds')}
          min={1}
          max={3600}
          value={settings.minReadSeconds}
          onChange={(event) => {
            const seconds = Number(event.target.value);
            if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600) update({ minReadSeconds: seconds });
          }}
        />
      </Field>
      <Field id={`${id}-allow`} label={t('autosave.allow')}>
        <textarea
          id={`${id}-allow`}
          rows={2}
          defaultValue={settings.allow.join('\n')}
          onBlur={(event) => update({ allow: sitesFrom(event.target.value) })}
        />
      </Field>
      <Field id={`${id}-deny`} label={t('autosave.deny')}>
        <textarea
          id={`${id}-deny`}
          rows={2}
          defaultValue={settings.deny.join('\n')}
          onBlur={(event) => update({ deny: sitesFrom(event.target.value) })}
        />
      </Field>
    </div>
  );
}
