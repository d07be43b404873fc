import { type GeneralSettings, generalSettingsItem } from '../../lib/settings/storage-items';

/** Changes some general settings, reading the rest fresh so a stale render never overwrites them. */
export async function updateGeneralSettings(patch: Partial<GeneralSettings>): Promise<void> {
  const current = await generalSettingsItem.getValue();
  await generalSettingsItem.setValue({ ...current, ...patch });
}
