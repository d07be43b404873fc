import { describe, expect, it } from 'vitest';
import { whenLabel } from './when-label';

const now = new Date(2026, 11, 3, 15, 30);

describe('whenLabel', () => {
  it('shows the time for a chat used today', () => {
    expect(whenLabel(new Date(2026, 11, 3, 9, 5).getTime(), 'en', now)).toBe('09:05 AM');
    expect(whenLabel(new Date(2026, 11, 3, 9, 5).getTime(), 'zh-CN', now)).toBe('09:05');
  });

  it('shows day and month for an earlier day this year, and the year before that', () => {
    expect(whenLabel(new Date(2026, 11, 2, 23, 0).getTime(), 'en', now)).toBe('Dec 2');
    expect(whenLabel(new Date(2026, 0, 15).getTime(), 'zh-CN', now)).toBe('1月15日');
    expect(whenLabel(new Date(2025, 11, 3).getTime(), 'en', now)).toBe('Dec 3, 2025');
    expect(whenLabel(new Date(2025, 11, 3).getTime(), 'zh-CN', now)).toBe('2025年12月3日');
  });
});
