import { useState } from 'react';
import { presetName } from '../../lib/llm/preset-name';
import { findPreset } from '../../lib/llm/presets';
import { callBackground } from '../../lib/messaging/requests';
import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';
import { draftFromProfile, type FormErrors, type FormValues, mergeModels, toDraft, withPreset } from './form-values';
import { updateGeneralSettings } from './update-general-settings';
import { useAction } from './use-action';

/**
 * State and actions of the profile form. The typed API key lives only here,
 * until one `profiles.save` hands it to the background; nothing reads it back.
 */
export function useProfileForm(initial: FormValues, onSaved: (profile: Profile) => void) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [apiKey, setApiKey] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const test = useAction((draft: FormValues) => {
    const result = toDraft(draft);
    if (!result.ok) return Promise.resolve(undefined);
    return callBackground('provider.testConnection', {
      profile: result.draft,
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
    }).then(({ models }) => models);
  });
  const save = useAction(async (draft: FormValues) => {
    const result = toDraft(draft);
    if (!result.ok) return undefined;
    // An empty key field means "keep the stored key": `undefined`, never "".
    const { profile } = await callBackground('profiles.save', {
      profile: result.draft,
      apiKey: apiKey.trim() ? apiKey.trim() : undefined,
    });
    await updateGeneralSettings({ onboarded: true });
    return profile;
  });

  /** Edits invalidate old outcomes: a "Saved." or a test of another URL would mislead. */
  const change = (patch: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof FormErrors];
      return next;
    });
    save.reset();
    if ('baseURL' in patch || 'presetId' in patch) test.reset();
  };

  const validate = (): boolean => {
    const result = toDraft(values);
    setErrors(result.ok ? {} : result.errors);
    return result.ok;
  };

  return {
    values,
    errors,
    apiKey,
    test: test.state,
    save: save.state,
    change,
    changePreset(presetId: string) {
      change(withPreset(values, findPreset(values.presetId), findPreset(presetId), (preset) => presetName(preset, t)));
    },
    changeApiKey(next: string) {
      setApiKey(next);
      save.reset();
      test.reset();
    },
    async testConnection() {
      if (!validate()) return;
      const models = await test.run(values);
      if (!models) return;
      setValues((current) => ({ ...current, models: mergeModels(current.models, models) }));
    },
    async submit() {
      if (!validate()) return;
      const profile = await save.run(values);
      if (!profile) return;
      setApiKey('');
      setValues((current) => ({ ...current, id: profile.id }));
      onSaved(profile);
    },
    /** Deletes the stored key (the key field shows the outcome); throws on failure. */
    async removeStoredKey(stored: Profile) {
      save.reset();
      await callBackground('profiles.save', { profile: draftFromProfile(stored), apiKey: null });
    },
  };
}

export type ProfileFormState = ReturnType<typeof useProfileForm>;
