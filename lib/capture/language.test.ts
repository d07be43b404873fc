import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language';

describe('guessLanguage', () => {
  it.each([
    ['人工智能迈上新台阶，DeepMind 新电脑已可利用记忆自学。', 'zh'],
    ['むかしむかし、あるところに、おじいさんとおばあさんが住んでいました。', 'ja'],
    ['한국어 문장은 한글로 씁니다.', 'ko'],
    ['An English sentence about nothing in particular.', null],
    ['12345 !!!', null],
  ])('%s → %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });
});
