import { useEffect, useId, useState } from 'react';
import { generalSettingsItem, pageTokenBudgetRange } from '../../lib/settings/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { describedBy, Field } from './field';
import { UnitInput } from './unit-input';
import { updateGeneralSettings } from './update-general-settings';

const step = 500;

/** How much page text goes with a question, in tokens. */
export function PageBudgetSetting() {
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

  const { min, max } = pageTokenBudgetRange;
  const hint = t('settings.pageBudgetHint', { min: min.toLocaleString(locale), max: max.toLocaleString(locale) });
  const commit = (text: string) => {
    setBudgetText(text);
    const value = Number(text);
    if (text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max) {
      void updateGeneralSettings({ pageTokenBudget: value });
    }
  };

  return (
    <Field id={id} label={t('settings.pageBudget')} hint={hint}>
      <UnitInput
        id={id}
        unit={t('settings.unit.tokens')}
        min={min}
        max={max}
        step={step}
        value={budgetText}
        aria-describedby={describedBy(id, { hint })}
        onChange={(event) => commit(event.target.value)}
        onBlur={() => setBudgetText(String(settings.pageTokenBudget))}
      />
    </Field>
  );
}
