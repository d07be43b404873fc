import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LabelledText } from './carried-text';
import { checkCall, grantCovers } from './consent-check';
import { addGrant } from './grants';

const message = 'Meet me at the north gate at seven; the door code is 2291 and nobody else knows it.';
const sources: LabelledText[] = [
  { label: 'Inbox message 3', text: `${message}\nArchive: https://mail.example/archive/2024/05/notes` },
  { label: 'the conversation', text: 'Summarize the e-mail for me', conversation: true },
];
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('checkCall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets a grant apply to a call that carries nothing, and says nothing', () => {
    const url = 'https://notes.example/status?x=1';
    expect(checkCall(url, { url }, sources)).toEqual({
      carried: [],
      where: null,
      decoded: null,
      linkFrom: null,
      grantMayApply: true,
    });
  });

  it('names a link the page shows, and still lets a grant apply', () => {
    const url = 'https://mail.example/archive/2024/05/notes';
    expect(checkCall(url, { url }, sources)).toMatchObject({
      carried: [],
      linkFrom: 'Inbox message 3',
      grantMayApply: true,
    });
  });

  it('withholds grants from a call whose address carries page text, and decodes it', () => {
    const url = `https://notes.example/save?d=${b64(message)}`;
    const check = checkCall(url, { url }, sources);
    expect(check).toMatchObject({
      carried: [{ label: 'Inbox message 3', chars: message.length }],
      where: 'address',
      decoded: `https://notes.example/save?d=${message}`,
      linkFrom: null,
      grantMayApply: false,
    });
  });

  it('checks the other arguments too (a body, a text to type), adding up per source', () => {
    const url = 'https://notes.example/save';
    const typed = message.slice(0, 39);
    const check = checkCall(url, { url, body: { text: typed, tags: ['x'] } }, sources);
    expect(check).toMatchObject({ where: 'arguments', grantMayApply: false, decoded: typed });
    expect(check.carried).toEqual([{ label: 'Inbox message 3', chars: 39 }]);
    const both = checkCall(
      `${url}?a=${b64(message.slice(0, 30))}`,
      { url: `${url}?a=${b64(message.slice(0, 30))}`, note: message.slice(40) },
      sources,
    );
    expect(both.where).toBe('address');
    expect(both.carried[0]?.chars).toBe(30 + message.slice(40).length);
  });

  it('counts the user\u2019s own words as the conversation', () => {
    const url = `https://search.example/?q=${encodeURIComponent('Summarize the e-mail for me')}`;
    expect(checkCall(url, { url }, sources).carried).toEqual([
      { label: 'the conversation', chars: 27, conversation: true },
    ]);
  });

  it('grantCovers: a stored grant covers a clean call on its site only', async () => {
    await addGrant('fetch_url', 'https://notes.example');
    const clean = checkCall('https://notes.example/a', {}, sources);
    const carrying = checkCall(`https://notes.example/a?d=${b64(message)}`, {}, sources);
    expect(await grantCovers('fetch_url', 'https://notes.example', clean)).toBe(true);
    expect(await grantCovers('fetch_url', 'https://notes.example', carrying)).toBe(false);
    expect(await grantCovers('fetch_url', 'https://other.example', clean)).toBe(false);
    expect(await grantCovers('open_url', 'https://notes.example', clean)).toBe(false);
    expect(await grantCovers('fetch_url', null, clean)).toBe(false);
  });
});
