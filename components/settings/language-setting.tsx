import { useId } from 'react';
import { generalSettingsItem, type UiLanguage } from '../../lib/settings/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { updateGeneralSettings } from './update-general-settings';

/** Language names are written in their own language, so they read the same in every UI language. */
const languages: ReadonlyArray<{ value: UiLanguage; name?: string }> = [
  { value: 'auto' },
  { value: 'en', name: 'English' },
  { value: 'zh-CN', name: '简体中文' },
];

function isUiLanguage(value: string): value is UiLanguage {
  return languages.some((language) => language.value === value);
}

/** The interface language, in the page header: the one setting a reader may need before reading the rest. */
export function LanguageSetting() {
  const t = useT();
  const id = useId();
  const settings = useStorageItem(generalSettingsItem);
  if (!settings) return null;
  return (
    <div className="row language-setting">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={settings.uiLanguage}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) void updateGeneralSettings({ uiLanguage: event.target.value });
        }}
      >
        {languages.map((language) => (
          <option key={language.value} value={language.value} lang={language.name ? language.value : undefined}>
            {language.name ?? t('settings.language.auto')}
          </option>
        ))}
      </select>
    </div>
  );
}
