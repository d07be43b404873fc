import { describe, expect, it } from 'vitest';
import { ideographsForRadicals } from './cjk-radicals';

describe('ideographsForRadicals', () => {
  it('writes Kangxi radicals and supplement radicals as the ideographs they stand for', () => {
    // As Chromium's print-to-PDF gives 新竹 首頁 人民 長 西 with Noto CJK.
    expect(ideographsForRadicals('新⽵ ⾸⾴ ⼈⺠ ⻑ ⻄')).toBe('新竹 首頁 人民 長 西');
  });

  it('leaves other text alone', () => {
    expect(ideographsForRadicals('新竹，Hello ﬁ 123')).toBe('新竹，Hello ﬁ 123');
  });
});
