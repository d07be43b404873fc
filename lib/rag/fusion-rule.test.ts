import { describe, expect, it } from 'vitest';
import { shouldFuse } from './fusion-rule';

describe('shouldFuse', () => {
  it('Off never fuses and On always does', () => {
    expect(shouldFuse('off', 'climate change?')).toBe(false);
    expect(shouldFuse('on', 'When did the Loxley bridge over the river Don open to traffic?')).toBe(true);
    expect(shouldFuse('on', 'what is this?')).toBe(true);
  });

  it('Auto fuses vague questions: one or two topic words', () => {
    expect(shouldFuse('auto', 'climate change?')).toBe(true);
    expect(shouldFuse('auto', 'What about photosynthesis?')).toBe(true);
    expect(shouldFuse('auto', '量子计算有什么用？')).toBe(true);
  });

  it('Auto fuses long questions: sixteen words or more', () => {
    const long =
      'I saved an article a while ago about why old stone bridges last longer than the steel ones built after the war, what did it say?';
    expect(shouldFuse('auto', long)).toBe(true);
    expect(
      shouldFuse(
        'auto',
        '我之前保存过一篇文章，讲的是为什么古老的石桥比战后建造的钢桥更耐用，文章里具体是怎么解释这个问题的呢？',
      ),
    ).toBe(true);
  });

  it('Auto leaves specific questions of middling length alone, and questions without a topic', () => {
    expect(shouldFuse('auto', 'When did the Loxley bridge over the river Don open?')).toBe(false);
    expect(shouldFuse('auto', '洛克斯利桥是哪一年建成通车的？')).toBe(false);
    expect(shouldFuse('auto', 'What is this about?')).toBe(false);
  });
});
