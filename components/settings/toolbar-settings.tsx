import { useId } from 'react';
import { type EmbeddedSettings, embeddedSettingsItem } from '../../lib/actions/embedded-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

const languages = [
  'Simplified Chinese',
  'English',
  'Traditional Chinese',
  'Japanese',
  'Korean',
  'French',
  'German',
  'Spanish',
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
      <label className="row">
        <input
          type="checkbox"
          checked={settings.toolbarEnabled}
          onChange={(e) => void update({ toolbarEnabled: e.target.checked })}
        />
        {t('actions.toolbar')}
      </label>
      <label htmlFor={`${id}-delay`}>{t('actions.delay')}</label>
      <input
        id={`${id}-delay`}
        type="number"
        min={0}
        max={5000}
        step={50}
        value={settings.toolbarDelayMs}
        onChange={(e) => {
          const ms = Number(e.target.value);
          if (Number.isInteger(ms) && ms >= 0 && ms <= 5000) void update({ toolbarDelayMs: ms });
        }}
      />
      <label htmlFor={`${id}-sites`}>{t('actions.disabledSites')}</label>
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
      <label htmlFor={`${id}-lang`}>{t('actions.translateTo')}</label>
      <select
        id={`${id}-lang`}
        value={settings.translateTo}
        onChange={(e) => void update({ translateTo: e.target.value })}
      >
        <option value="auto">{t('actions.translateAuto')}</option>
        {languages.map((language) => (
          <option key={language} value={language}>
            {language}
          </option>
        ))}
      </select>
    </div>
  );
}
