import { describe, expect, it } from 'vitest';
import { passageText } from './passage-text';

describe('passageText', () => {
  it('reads Turndown escapes and emphasis as words', () => {
    expect(passageText('Emscripten emits *non*\\-standalone Wasm, **fast**, with `--no-entry`.')).toBe(
      'Emscripten emits non-standalone Wasm, fast, with --no-entry.',
    );
  });

  it('keeps a link’s text and drops images, heading and list markers', () => {
    expect(passageText('## Products\n- [Firefox](https://www.mozilla.org/) ![logo](https://x/y.png)\n> quoted')).toBe(
      'Products\nFirefox \nquoted',
    );
  });

  it('leaves snake_case, arithmetic and Chinese alone', () => {
    expect(passageText('read_tab and list_tabs; 2 * 3 = 6; 可微神经计算机')).toBe(
      'read_tab and list_tabs; 2 * 3 = 6; 可微神经计算机',
    );
  });
});
