import { describe, expect, it } from 'vitest';
import { parseRgb, schemeOf } from './page-scheme';

describe('schemeOf', () => {
  it('follows the first opaque background from the selection up', () => {
    expect(schemeOf(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'], 'normal', true)).toBe('light');
    expect(schemeOf(['rgba(0, 0, 0, 0)', 'rgb(24, 24, 27)', 'rgb(255, 255, 255)'], 'normal', false)).toBe('dark');
    // A faint tint is not the page's background; the white below it is.
    expect(schemeOf(['rgba(0, 0, 0, 0.1)', 'rgb(250, 250, 250)'], 'normal', true)).toBe('light');
  });

  it('falls back to the canvas, dark only when the page opts into dark', () => {
    expect(schemeOf(['rgba(0, 0, 0, 0)'], 'normal', true)).toBe('light');
    expect(schemeOf([], 'dark', false)).toBe('dark');
    expect(schemeOf([], 'light dark', true)).toBe('dark');
    expect(schemeOf([], 'light dark', false)).toBe('light');
  });
});

describe('parseRgb', () => {
  it('reads computed colours with and without alpha', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseRgb('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseRgb('rgb(1 2 3 / 40%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.4 });
    expect(parseRgb('color(srgb 1 0 0)')).toBeNull();
  });
});
