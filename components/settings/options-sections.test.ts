import { describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n/translate';
import { presetName } from '../../lib/llm/preset-name';
import { findPreset } from '../../lib/llm/presets';
import { optionsSections, sectionFromHash } from './options-sections';

describe('options sections', () => {
  it('reads a deep link and ignores anything else', () => {
    expect(sectionFromHash('#providers')).toBe('providers');
    expect(sectionFromHash('data')).toBe('data');
    expect(sectionFromHash('#nowhere')).toBeUndefined();
    expect(sectionFromHash('')).toBeUndefined();
  });

  it('names every section in both languages, differently', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(optionsSections.map((section) => en(section.title))).toEqual([
      'Providers',
      'Actions & toolbar',
      'Agent & teams',
      'Library & search',
      'Data & privacy',
      'Advanced',
    ]);
    for (const section of optionsSections) expect(zh(section.title)).not.toBe(en(section.title));
  });

  it('translates a preset name made of words and keeps brand names', () => {
    expect(presetName(findPreset('custom'), translator('zh-CN'))).toBe('自定义（兼容 OpenAI）');
    expect(presetName(findPreset('custom'), translator('en'))).toBe('Custom (OpenAI-compatible)');
    expect(presetName(findPreset('deepseek'), translator('zh-CN'))).toBe('DeepSeek');
  });
});
