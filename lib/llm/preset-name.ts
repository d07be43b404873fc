import type { Translate } from '../i18n/translate';
import type { ProviderPreset } from './presets';

/** A preset's name in the UI language: brands as they are, "Custom (OpenAI-compatible)" translated. */
export function presetName(preset: Pick<ProviderPreset, 'name' | 'nameKey'>, t: Translate): string {
  return preset.nameKey ? t(preset.nameKey) : preset.name;
}
