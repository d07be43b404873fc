import { callBackground } from '../messaging/requests';
import { writeSettingsThrough } from './setting-item';

/** Called once by Aside's pages (side panel, options): their setting writes go through the background. */
export function routeSettingWritesToBackground(): void {
  writeSettingsThrough(async (key, value) => {
    await callBackground('settings.set', { key, value });
  });
}
