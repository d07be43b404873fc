import { describe, expect, it } from 'vitest';
import { asUntrustedNonce, wrapToolOutput } from '../../lib/prompt/untrusted';
import { untrustedSource, withoutUntrustedMarkers } from './untrusted-display';

const nonce = asUntrustedNonce('0123456789abcdef');
if (!nonce) throw new Error('bad nonce');
const wrapped = wrapToolOutput(
  'read_tab',
  'Mozilla is a foundation.',
  { title: 'Mozilla – Wikipedia', url: 'https://en.wikipedia.org/wiki/Mozilla' },
  nonce,
);

describe('withoutUntrustedMarkers', () => {
  it('leaves only the content of a wrapped result', () => {
    expect(withoutUntrustedMarkers(wrapped)).toBe('Mozilla is a foundation.');
  });

  it('strips an opening line cut short by the preview limit', () => {
    expect(withoutUntrustedMarkers(`${wrapped.slice(0, 40)}…`)).toBe('');
  });

  it('strips a closing marker cut short by the preview limit', () => {
    const partial = `${wrapped.slice(0, wrapped.lastIndexOf('\n') + 12)}…`;
    expect(withoutUntrustedMarkers(partial)).toBe('Mozilla is a foundation.');
  });

  it('strips markers in the middle of other text and keeps text without markers as it is', () => {
    expect(withoutUntrustedMarkers(`Before\n${wrapped}\nAfter`)).toBe('Before\nMozilla is a foundation.\nAfter');
    expect(withoutUntrustedMarkers('The user answered: High')).toBe('The user answered: High');
  });
});

describe('untrustedSource', () => {
  it('reads the title and URL from the opening marker', () => {
    expect(untrustedSource(wrapped)).toEqual({
      title: 'Mozilla – Wikipedia',
      url: 'https://en.wikipedia.org/wiki/Mozilla',
    });
  });

  it('is empty for text without a marker', () => {
    expect(untrustedSource('Error: no such tab')).toEqual({});
  });
});
