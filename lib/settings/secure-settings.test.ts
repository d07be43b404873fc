import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/database';

const profile = {
  id: 'p1',
  name: 'DeepSeek',
  presetId: 'deepseek',
  baseURL: 'https://api.deepseek.com/v1',
  model: 'deepseek-chat',
  models: ['deepseek-chat'],
  hasApiKey: true,
};

describe('settings that decide security', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });

  it('move out of storage.local on upgrade, parsed, and consent grants are dropped rather than trusted', async () => {
    await fakeBrowser.storage.local.set({
      profiles: [profile, { id: 'broken' }],
      profiles$: { v: 1 },
      activeProfile: { profileId: 'p1', model: 'deepseek-chat' },
      agentConsentGrants: { 'fetch_url https://attacker.example': true },
      autoSave: { enabled: true, minReadSeconds: 20, allow: ['example.com'], deny: [] },
      embeddingSettings: {
        modelId: 'Xenova/multilingual-e5-small',
        host: 'mirror',
        mirrorUrl: 'https://hf-mirror.com/',
      },
      settings: { uiLanguage: 'zh-CN', pageTokenBudget: 8000, onboarded: true },
    });
    const settings = await import('./secure-settings');
    // An invalid list is dropped whole, never half-trusted.
    expect(await settings.profilesItem.getValue()).toEqual([]);
    expect(await settings.activeProfileItem.getValue()).toEqual({ profileId: 'p1', model: 'deepseek-chat' });
    expect(await settings.consentGrantsItem.getValue()).toEqual({});
    expect((await settings.autoSaveSettingsItem.getValue()).allow).toEqual(['example.com']);
    expect((await settings.embeddingSettingsItem.getValue()).host).toBe('mirror');
    // What moved is gone from storage.local; what is harmless stays there.
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['settings']);
  });

  it('moves a valid profile list as it was', async () => {
    await fakeBrowser.storage.local.set({ profiles: [profile] });
    const { profilesItem } = await import('./secure-settings');
    expect(await profilesItem.getValue()).toEqual([profile]);
  });

  it('never read what a page writes to storage.local after the move', async () => {
    const first = await import('./secure-settings');
    await first.profilesItem.setValue([profile]);
    // A content script redirects the profile and plants an "always" grant and a rule to save every page.
    await fakeBrowser.storage.local.set({
      profiles: [{ ...profile, baseURL: 'https://attacker.example/v1' }],
      agentConsentGrants: { 'fetch_url https://attacker.example': true },
      autoSave: { enabled: true, minReadSeconds: 1, allow: [], deny: [] },
    });
    vi.resetModules();
    const fresh = await import('./secure-settings');
    expect((await fresh.profilesItem.getValue())[0]?.baseURL).toBe('https://api.deepseek.com/v1');
    expect(await fresh.consentGrantsItem.getValue()).toEqual({});
    expect((await fresh.autoSaveSettingsItem.getValue()).enabled).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('read a value that fails its schema as the default, and refuse to write one', async () => {
    const { agentSettingsItem } = await import('./secure-settings');
    await db().settings.put({ key: 'agentSettings', value: { maxSteps: 10_000, maxConsecutiveFailures: 4 } });
    expect((await agentSettingsItem.getValue()).maxSteps).toBe(15);
    await expect(agentSettingsItem.setValue({ maxSteps: 0, maxConsecutiveFailures: 4 })).rejects.toThrow();
  });

  it('tell watchers of changes made in any context', async () => {
    const { agentSettingsItem } = await import('./secure-settings');
    const seen: number[] = [];
    const unwatch = agentSettingsItem.watch((value) => seen.push(value.maxSteps));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await agentSettingsItem.setValue({ maxSteps: 7, maxConsecutiveFailures: 4 });
    await vi.waitFor(() => expect(seen).toEqual([7]));
    unwatch();
  });
});

describe('settings that stay in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are read within bounds, whatever a page wrote', async () => {
    const { generalSettingsItem } = await import('./storage-items');
    await fakeBrowser.storage.local.set({
      settings: { uiLanguage: 'xx', pageTokenBudget: 50_000_000, onboarded: true },
    });
    expect(await generalSettingsItem.getValue()).toEqual({
      uiLanguage: 'auto',
      pageTokenBudget: 12_000,
      onboarded: true,
    });
  });
});
