import { describe, expect, it } from 'vitest';
import { baseLanguage, chooseTrack } from './caption-choice';

const track = (language: string, automatic = false) => ({ language, automatic });

describe('caption track choice', () => {
  it('reads language tags the way both sites write them', () => {
    expect(baseLanguage('zh-Hans')).toBe('zh');
    expect(baseLanguage('ai-zh')).toBe('zh');
    expect(baseLanguage('en_US')).toBe('en');
  });

  it('takes the user’s language, a written track before an automatic one', () => {
    const tracks = [track('en', true), track('zh-Hans'), track('en-GB')];
    expect(chooseTrack(tracks, 'en-US')).toBe(tracks[2]);
    expect(chooseTrack(tracks, 'zh-CN')).toBe(tracks[1]);
  });

  it('falls back to the site’s default, then the spoken language, then the first track', () => {
    const tracks = [track('de'), track('fr', true), track('fr')];
    expect(chooseTrack(tracks, 'ja', 0)).toBe(tracks[0]);
    expect(chooseTrack(tracks, 'ja')).toBe(tracks[2]);
    expect(chooseTrack([track('ai-zh', true)], 'en')).toEqual(track('ai-zh', true));
    expect(chooseTrack([track('de'), track('it')], null)).toEqual(track('de'));
    expect(chooseTrack([], 'en')).toBeUndefined();
  });
});
