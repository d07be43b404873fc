import { useId } from 'react';
import { type EmbeddedSettings, embeddedSettingsItem } from '../../lib/actions/embedded-settings';
import type { MessageKey } from '../../lib/i18n/en';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { CheckField } from './check-field';
import { Field } from './field';
import { UnitInput } from './unit-input';

/** Translate's targets: the value stays the English name (it goes into the prompt), the label is translated. */
const languages: ReadonlyArray<{ value: string; label: MessageKey }> = [
  { value: 'Simplified Chinese', label: 'language.zhHans' },
  { value: 'English', label: 'language.en' },
  { value: 'Traditional Chinese', label: 'language.zhHant' },
  { value: 'Japanese', label: 'language.ja' },
  { value: 'Korean', label: 'language.ko' },
  { value: 'French', label: 'language.fr' },
  { value: 'German', label: 'language.de' },
  { value: 'Spanish', label: 'language.es' },
];

/** The selection toolbar: on/off, delay, sites without it, Translate's target language. */
export function ToolbarSettings() {
  const t = useT();
  const id = useId();
  const settings = useStorageItem(embeddedSettingsItem);
  if (!settings) return null;
  const update = async (change: Partial<EmbeddedSettings>) =>
    embeddedSettingsItem.setValue({ ...(await embeddedSettingsItem.getValue()), ...change });
  return (
    <div className="general-settings">
      <CheckField
        label={t('actions.toolbar')}
        checked={settings.toolbarEnabled}
        onChange={(toolbarEnabled) => void update({ toolbarEnabled })}
      />
      <Field id={`${id}-delay`} label={t('actions.delay')}>
        <UnitInput
          id={`${id}-delay`}
          unit={t('settings.unit.ms')}
          min={0}
          max={5000}
          step={50}
          value={settings.toolbarDelayMs}
          onChange={(e) => {
            const ms = Number(e.target.value);
            if (Number.isInteger(ms) && ms >= 0 && ms <= 5000) void update({ toolbarDelayMs: ms });
          }}
        />
      </Field>
      <Field id={`${id}-sites`} label={t('actions.disabledSites')}>
        <textarea
          id={`${id}-sites`}
          rows={2}
          defaultValue={settings.disabledSites.join('\n')}
          onBlur={(e) =>
            void update({
              disabledSites: e.target.value
                .split(/[\s,]+/)
                .map((site) => site.trim().toLowerCase())
                .filter(Boolean),
            })
          }
        />
      </Field>
      <Field id={`${id}-lang`} label={t('actions.translateTo')}>
        <select
          id={`${id}-lang`}
          value={settings.translateTo}
          onChange={(e) => void update({ translateTo: e.target.value })}
        >
          <option value="auto">{t('actions.translateAuto')}</option>
          {languages.map((language) => (
            <option key={language.value} value={language.value}>
              {t(language.label)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
