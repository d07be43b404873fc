import { describe, expect, it } from 'vitest';
import { findPreset } from '../../lib/llm/presets';
import { profileDraftSchema } from '../../lib/settings/profile';
import { draftFromProfile, mergeModels, toDraft, valuesFromPreset, withPreset } from './form-values';

describe('profile form values', () => {
  it('builds a valid draft from a preset', () => {
    const result = toDraft(valuesFromPreset(findPreset('deepseek')));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(profileDraftSchema.parse(result.draft)).toEqual(result.draft);
      expect(result.draft).not.toHaveProperty('id');
      expect(result.draft).not.toHaveProperty('temperature');
    }
  });

  it('rejects a base URL that is not an http(s) URL', () => {
    const values = { ...valuesFromPreset(findPreset('openai')), baseURL: 'api.openai.com/v1' };
    expect(toDraft(values)).toEqual({ ok: false, errors: { baseURL: 'settings.invalidBaseURL' } });
    expect(toDraft({ ...values, baseURL: 'ftp://example.com' }).ok).toBe(false);
  });

  it('trims trailing slashes and parses temperature', () => {
    const values = {
      ...valuesFromPreset(findPreset('ollama')),
      baseURL: ' http://localhost:11434/v1/ ',
      temperature: '0.3',
    };
    const result = toDraft(values);
    expect(result.ok && result.draft.baseURL).toBe('http://localhost:11434/v1');
    expect(result.ok && result.draft.temperature).toBe(0.3);
    expect(toDraft({ ...values, temperature: '3' })).toEqual({
      ok: false,
      errors: { temperature: 'settings.invalidTemperature' },
    });
  });

  it('reports every missing field at once', () => {
    const values = { ...valuesFromPreset(findPreset('openai')), name: ' ', model: '' };
    expect(toDraft(values)).toEqual({
      ok: false,
      errors: { name: 'settings.invalidName', model: 'settings.invalidModel' },
    });
  });

  it('keeps a typed name when the preset changes, but follows an untouched one', () => {
    const openai = findPreset('openai');
    const qwen = findPreset('qwen');
    const untouched = withPreset(valuesFromPreset(openai), openai, qwen);
    expect(untouched).toMatchObject({ name: qwen.name, baseURL: qwen.baseURL, model: qwen.defaultModel });
    const named = withPreset({ ...valuesFromPreset(openai), name: 'Work' }, openai, qwen);
    expect(named.name).toBe('Work');
  });

  it('merges model lists without duplicates', () => {
    expect(mergeModels(['a', 'b'], ['b', 'c', ''])).toEqual(['a', 'b', 'c']);
  });

  it('turns a stored profile back into a draft without hasApiKey', () => {
    const draft = draftFromProfile({
      id: 'p1',
      name: 'Mine',
      presetId: 'custom',
      baseURL: 'https://example.com/v1',
      model: 'm',
      models: [],
      hasApiKey: true,
    });
    expect(draft).toEqual({
      id: 'p1',
      name: 'Mine',
      presetId: 'custom',
      baseURL: 'https://example.com/v1',
      model: 'm',
      models: [],
    });
  });
});
