import { describe, expect, it } from 'vitest';
import { pageUrlFor } from './page-url';

const address = 'https://bank.example/notices/security?ref=mail#top';

describe('pageUrlFor', () => {
  it('takes a canonical URL on the same origin as the address', () => {
    expect(pageUrlFor('https://bank.example/notices/security', address)).toBe('https://bank.example/notices/security');
    expect(pageUrlFor('https://bank.example/other', 'https://bank.example/a')).toBe('https://bank.example/other');
  });

  it('keeps the address when the canonical URL is on another origin', () => {
    expect(pageUrlFor('https://attacker.example/notices/security', address)).toBe(address);
    // Scheme, port and subdomain each make another origin.
    expect(pageUrlFor('http://bank.example/notices/security', address)).toBe(address);
    expect(pageUrlFor('https://bank.example:8443/notices/security', address)).toBe(address);
    expect(pageUrlFor('https://www.bank.example/notices/security', address)).toBe(address);
  });

  it('keeps the address when the canonical URL is not a web URL', () => {
    expect(pageUrlFor('javascript:alert(document.domain)', address)).toBe(address);
    expect(pageUrlFor('data:text/html,<h1>hi</h1>', address)).toBe(address);
    expect(pageUrlFor('not a url', address)).toBe(address);
    expect(pageUrlFor(null, address)).toBe(address);
  });

  it('never lets a non-web page pick a URL, even one of its own kind', () => {
    // file: URLs all share the opaque origin "null": that is no proof of anything.
    expect(pageUrlFor('file:///etc/passwd', 'file:///home/me/notes.html')).toBe('file:///home/me/notes.html');
  });
});
