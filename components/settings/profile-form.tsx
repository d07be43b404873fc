import { useEffect, useId, useRef } from 'react';
import { presetName } from '../../lib/llm/preset-name';
import { findPreset, providerPresets } from '../../lib/llm/presets';
import type { Profile } from '../../lib/settings/profile';
import { profilesItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { describedBy, Field } from './field';
import { type FormValues, mergeModels } from './form-values';
import { OriginKeyField } from './origin-key-field';
import { hasProviderKeyHint, ProviderKeyHint } from './provider-key-hint';
import { TestResult } from './test-result';
import { useProfileForm } from './use-profile-form';
import { useReveal } from './use-reveal';

/** Adds or edits one provider profile; the key goes to the background once, on Save. */
export function ProfileForm({
  initial,
  onSaved,
  onClose,
}: {
  initial: FormValues;
  onSaved: (profile: Profile) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const form = useProfileForm(initial, onSaved);
  const stored = useStorageItem(profilesItem)?.find((profile) => profile.id === form.values.id);
  const preset = findPreset(form.values.presetId);
  const { values, errors } = form;
  const error = (field: keyof typeof errors) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const ref = useRef<HTMLFormElement>(null);
  const saved = useReveal<HTMLSpanElement>(
    form.save.status === 'done' || form.save.status === 'failed' ? form.save : null,
  );
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  return (
    <form
      ref={ref}
      className="profile-form"
      data-testid="profile-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <h3 id={`${id}-title`}>{values.id ? t('settings.editProfile') : t('settings.addProfile')}</h3>
      <Field id={`${id}-preset`} label={t('settings.preset')}>
        <select id={`${id}-preset`} value={values.presetId} onChange={(event) => form.changePreset(event.target.value)}>
          {providerPresets.map((option) => (
            <option key={option.id} value={option.id}>
              {presetName(option, t)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-name`} label={t('settings.name')} error={error('name')}>
        <input
          id={`${id}-name`}
          value={values.name}
          maxLength={80}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(`${id}-name`, { error: errors.name })}
          onChange={(event) => form.change({ name: event.target.value })}
        />
      </Field>
      <Field id={`${id}-url`} label={t('settings.baseURL')} error={error('baseURL')}>
        <input
          id={`${id}-url`}
          type="url"
          className="mono"
          spellCheck={false}
          value={values.baseURL}
          aria-invalid={errors.baseURL ? true : undefined}
          aria-describedby={describedBy(`${id}-url`, { error: errors.baseURL })}
          onChange={(event) => form.change({ baseURL: event.target.value })}
        />
      </Field>
      <OriginKeyField
        id={`${id}-key`}
        label={t('settings.apiKey')}
        hint={hasProviderKeyHint(preset) ? <ProviderKeyHint preset={preset} /> : undefined}
        stored={stored?.hasApiKey ?? false}
        value={form.apiKey}
        onChange={form.changeApiKey}
        removeKey={() => (stored ? form.removeStoredKey(stored) : Promise.resolve())}
      />
      <Field id={`${id}-model`} label={t('settings.model')} hint={t('settings.modelHint')} error={error('model')}>
        <input
          id={`${id}-model`}
          className="mono"
          list={`${id}-models`}
          spellCheck={false}
          value={values.model}
          aria-invalid={errors.model ? true : undefined}
          aria-describedby={describedBy(`${id}-model`, { hint: true, error: errors.model })}
          onChange={(event) => form.change({ model: event.target.value })}
        />
        <datalist id={`${id}-models`}>
          {mergeModels(preset.models, values.models).map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      </Field>
      <Field
        id={`${id}-temperature`}
        label={t('settings.temperatureLabel')}
        hint={t('settings.temperatureHint')}
        error={error('temperature')}
      >
        <input
          id={`${id}-temperature`}
          className="narrow"
          type="number"
          inputMode="decimal"
          min={0}
          max={2}
          step={0.1}
          value={values.temperature}
          aria-invalid={errors.temperature ? true : undefined}
          aria-describedby={describedBy(`${id}-temperature`, { hint: true, error: errors.temperature })}
          onChange={(event) => form.change({ temperature: event.target.value })}
        />
      </Field>
      <div className="row form-actions">
        <button type="button" disabled={form.test.status === 'running'} onClick={() => void form.testConnection()}>
          {t('settings.testConnection')}
        </button>
        <button type="submit" className="primary" disabled={form.save.status === 'running'}>
          {t('common.save')}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {values.id ? t('common.close') : t('common.cancel')}
        </button>
        <span ref={saved} className="muted" role="status">
          {form.test.status === 'running' ? t('settings.testing') : null}
          {form.save.status === 'running' ? t('settings.saving') : null}
          {form.save.status === 'done' ? <span className="saved">{t('settings.saved')}</span> : null}
        </span>
      </div>
      {form.save.status === 'failed' ? <ErrorMessage error={form.save.error} /> : null}
      <TestResult state={form.test} model={values.model} onPick={(model) => form.change({ model })} />
    </form>
  );
}
