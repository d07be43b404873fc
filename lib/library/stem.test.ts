import { describe, expect, it } from 'vitest';
import { stemWord } from './stem';

describe('stemWord', () => {
  it('gives a singular and its plural, a noun and its possessive, the same stem', () => {
    expect(stemWord('bridges')).toBe(stemWord('bridge'));
    expect(stemWord("mozilla's")).toBe(stemWord('mozilla'));
    expect(stemWord('mozilla’s')).toBe('mozilla');
    expect(stemWord('running')).toBe(stemWord('runs'));
    expect(stemWord('strandings')).toBe(stemWord('stranding'));
  });

  it('keeps numbers, codes and short words as they are', () => {
    expect(stemWord('4o')).toBe('4o');
    expect(stemWord('int8')).toBe('int8');
    expect(stemWord('is')).toBe('is');
    expect(stemWord('2017')).toBe('2017');
  });
});
