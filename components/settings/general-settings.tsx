import { useEffect, useId, useState } from 'react';
import { generalSettingsItem, type UiLanguage } from '../../lib/settings/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { describedBy, Field } from './field';
import { updateGeneralSettings } from './update-general-settings';

const budget = { min: 500, max: 200_000, step: 500 } as const;

/** Language names are written in their own language, so they read the same in every UI language. */
const languages: ReadonlyArray<{ value: UiLanguage; name?: string }> = [
  { value: 'auto' },
  { value: 'en', name: 'English' },
  { value: 'zh-CN', name: '简体中文' },
];

function isUiLanguage(value: string): value is UiLanguage {
  return languages.some((language) => language.value === value);
}

/** Interface language and how much page text goes with a question. */
export function GeneralSettings() {
  const { t, locale } = useI18n();
  const id = useId();
  const settings = useStorageItem(generalSettingsItem);
  // The number is kept as typed and stored only when valid, so clearing the field to retype works.
  const [budgetText, setBudgetText] = useState('');
  const storedBudget = settings?.pageTokenBudget;
  useEffect(() => {
    if (storedBudget !== undefined) setBudgetText(String(storedBudget));
  }, [storedBudget]);
  if (!settings) return null;

  const budgetHint = t('settings.pageBudgetHint', {
    min: budget.min.toLocaleString(locale),
    max: budget.max.toLocaleString(locale),
  });
  const commitBudget = (text: string) => {
    setBudgetText(text);
    const value = Number(text);
    if (text.trim() !== '' && Number.isInteger(value) && value >= budget.min && value <= budget.max) {
      void updateGeneralSettings({ pageTokenBudget: value });
    }
  };

  return (
    <div className="general-settings">
      <Field id={`${id}-language`} label={t('settings.language')}>
        <select
          id={`${id}-language`}
          value={settings.uiLanguage}
          onChange={(event) => {
            if (isUiLanguage(event.target.value)) void updateGeneralSettings({ uiLanguage: event.target.value });
          }}
        >
          {languages.map((language) => (
            <option key={language.value} value={language.value}>
              {language.name ?? t('settings.language.auto')}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-budget`} label={t('settings.pageBudget')} hint={budgetHint}>
        <input
          id={`${id}-budget`}
          className="narrow"
          type="number"
          min={budget.min}
          max={budget.max}
          step={budget.step}
          value={budgetText}
          aria-describedby={describedBy(`${id}-budget`, { hint: budgetHint })}
          onChange={(event) => commitBudget(event.target.value)}
          onBlur={() => setBudgetText(String(settings.pageTokenBudget))}
        />
      </Field>
    </div>
  );
}
