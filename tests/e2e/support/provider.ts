import type { Page } from 'playwright-core';
import type { AsideBrowser } from './extension';
import { openExtensionPage } from './extension';
import type { ExtensionGlobal } from './extension-global';

export interface TestProfile {
  readonly baseURL: string;
  readonly model?: string;
  readonly apiKey?: string;
  readonly name?: string;
  readonly presetId?: string;
}

/**
 * Saves a provider profile through the real protocol (`profiles.save`, the
 * message the options page sends), for tests whose subject is not the options
 * page itself. Returns the stored profile's id. Sends from `from` when given
 * (an Aside page the caller keeps open), else from an options tab it opens and closes.
 */
export async function addProfile(aside: AsideBrowser, profile: TestProfile, from?: Page): Promise<string> {
  const page: Page = from ?? (await openExtensionPage(aside, 'options.html'));
  const reply = await page.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message),
    profilesSaveMessage(profile),
  );
  if (!from) await page.close();
  return profileIdOf(reply);
}

/** The `profiles.save` request the options page sends for `profile` (Chromium and Firefox tests alike). */
export function profilesSaveMessage(profile: TestProfile): unknown {
  const model = profile.model ?? 'test-model';
  return {
    aside: 1,
    type: 'profiles.save',
    payload: {
      profile: {
        name: profile.name ?? 'Test server',
        presetId: profile.presetId ?? 'custom',
        baseURL: profile.baseURL,
        model,
        models: [model],
      },
      ...(profile.apiKey ? { apiKey: profile.apiKey } : {}),
    },
  };
}

/** The stored profile's id from the background's reply to `profiles.save`, or an error saying why not. */
export function profileIdOf(reply: unknown): string {
  const typed = reply as { ok: boolean; value?: { profile: { id: string } }; error?: unknown };
  if (!typed.ok || !typed.value) throw new Error(`profiles.save failed: ${JSON.stringify(typed.error)}`);
  return typed.value.profile.id;
}
