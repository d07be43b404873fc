import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { embeddingSettingsItem, indexedModelItem } from '../settings/secure-settings';
import { searchModel } from './library-search';

describe('the model library questions are embedded with', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The offscreen API is what tells a browser with the embedder host (Chrome) from one without.
    Object.assign(fakeBrowser, { offscreen: {} });
  });

  const configure = (modelId: string, enabled = true) =>
    embeddingSettingsItem.setValue({ modelId, host: 'hub', mirrorUrl: '', enabled });

  it('is the configured model while no model covers the library yet', async () => {
    await configure('model-a');
    expect(await searchModel()).toBe('model-a');
  });

  it('stays the previous model while the library is re-embedded with a new one', async () => {
    await configure('model-b');
    await indexedModelItem.setValue('model-a');
    expect(await searchModel()).toBe('model-a');
    await indexedModelItem.setValue('model-b');
    expect(await searchModel()).toBe('model-b');
  });

  it('is none until the user turns semantic search on', async () => {
    await configure('model-a', false);
    await indexedModelItem.setValue('model-a');
    expect(await searchModel()).toBeNull();
  });
});
