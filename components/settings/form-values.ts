import type { MessageKey } from '../../lib/i18n/en';
import type { ProviderPreset } from '../../lib/llm/presets';
import type { Profile, ProfileDraft } from '../../lib/settings/profile';

/** What the profile form edits: fields kept as typed, so half-typed input is never reformatted. */
export interface FormValues {
  /** Set once the profile exists; saving again updates it instead of adding another. */
  readonly id?: string;
  readonly presetId: string;
  readonly name: string;
  readonly baseURL: string;
  readonly model: string;
  /** Empty means "the provider's default". */
  readonly temperature: string;
  /** Models known for this profile: the preset's, the saved ones and those a connection test listed. */
  readonly models: readonly string[];
}

export type FormField = 'name' | 'baseURL' | 'model' | 'temperature';
export type FormErrors = Partial<Record<FormField, MessageKey>>;
export type DraftResult = { ok: true; draft: ProfileDraft } | { ok: false; errors: FormErrors };

/** Joins model lists, first occurrence wins, empty names dropped. */
export function mergeModels(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat().filter((model) => model.trim() !== ''))];
}

/** A new profile's values from a preset; `name` is the preset's name in the UI language. */
export function valuesFromPreset(preset: ProviderPreset, name = preset.name): FormValues {
  return {
    presetId: preset.id,
    name,
    baseURL: preset.baseURL,
    model: preset.defaultModel,
    temperature: '',
    models: [...preset.models],
  };
}

export function valuesFromProfile(profile: Profile): FormValues {
  return {
    id: profile.id,
    presetId: profile.presetId,
    name: profile.name,
    baseURL: profile.baseURL,
    model: profile.model,
    temperature: profile.temperature === undefined ? '' : String(profile.temperature),
    models: [...profile.models],
  };
}

/**
 * Switches the form to another preset: its URL, default model and models.
 * The name follows only while it is still the old preset's name or empty,
 * so a name the user typed survives.
 */
export function withPreset(
  values: FormValues,
  previous: ProviderPreset,
  next: ProviderPreset,
  nameOf: (preset: ProviderPreset) => string = (preset) => preset.name,
): FormValues {
  const keepName = values.name.trim() !== '' && values.name !== nameOf(previous);
  return {
    ...values,
    presetId: next.id,
    name: keepName ? values.name : nameOf(next),
    baseURL: next.baseURL,
    model: next.defaultModel,
    models: [...next.models],
  };
}

/** The stored profile as a draft, for saves that change only its key. */
export function draftFromProfile(profile: Profile): ProfileDraft {
  const { hasApiKey: _hasApiKey, ...draft } = profile;
  return draft;
}

function parseBaseURL(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // The SDK appends paths like `/models`; a trailing slash would double it.
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function parseTemperature(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 2 ? value : null;
}

/** Checks the form and builds what `profiles.save` and `provider.testConnection` expect. */
export function toDraft(values: FormValues): DraftResult {
  const errors: FormErrors = {};
  const name = values.name.trim();
  const model = values.model.trim();
  const baseURL = parseBaseURL(values.baseURL);
  const temperature = parseTemperature(values.temperature);
  if (name === '' || name.length > 80) errors.name = 'settings.invalidName';
  if (baseURL === undefined) errors.baseURL = 'settings.invalidBaseURL';
  if (model === '') errors.model = 'settings.invalidModel';
  if (temperature === null) errors.temperature = 'settings.invalidTemperature';
  if (baseURL === undefined || temperature === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      ...(values.id ? { id: values.id } : {}),
      presetId: values.presetId,
      name,
      baseURL,
      model,
      models: mergeModels(values.models),
      ...(temperature === undefined ? {} : { temperature }),
    },
  };
}
