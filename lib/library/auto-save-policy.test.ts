import { describe, expect, it } from 'vitest';
import { decideAutoSave, hostMatches } from './auto-save-policy';
import { defaultAutoSaveSettings } from './auto-save-settings';

const on = { ...defaultAutoSaveSettings, enabled: true };
const page = { url: 'https://news.example.com/a', incognito: false, hasPasswordField: false };

describe('decideAutoSave', () => {
  it('is off by default', () => {
    expect(decideAutoSave(defaultAutoSaveSettings, page)).toEqual({ save: false, reason: 'off' });
  });

  it('saves an ordinary page once turned on', () => {
    expect(decideAutoSave(on, page)).toEqual({ save: true });
  });

  it('never saves in incognito or on a page with a password field', () => {
    expect(decideAutoSave(on, { ...page, incognito: true })).toMatchObject({ reason: 'incognito' });
    expect(decideAutoSave(on, { ...page, hasPasswordField: true })).toMatchObject({ reason: 'password' });
  });

  it('respects the deny-list over the allow-list, subdomains included', () => {
    expect(decideAutoSave({ ...on, deny: ['example.com'] }, page)).toMatchObject({ reason: 'denied' });
    expect(decideAutoSave({ ...on, allow: ['example.com'], deny: ['news.example.com'] }, page)).toMatchObject({
      reason: 'denied',
    });
    expect(decideAutoSave({ ...on, allow: ['other.org'] }, page)).toMatchObject({ reason: 'not-allowed' });
    expect(decideAutoSave({ ...on, allow: ['*.example.com'] }, page)).toEqual({ save: true });
  });

  it('only saves web pages', () => {
    expect(decideAutoSave(on, { ...page, url: 'file:///home/me/a.html' })).toMatchObject({ reason: 'not-web' });
  });

  it('matches hosts exactly or by subdomain, never by suffix alone', () => {
    expect(hostMatches('a.example.com', 'example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com', ' ')).toBe(false);
  });
});
