// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CapturedPage } from '../capture/page-context';
import { createCaptureCache } from './capture-cache';

const page = (markdown: string): CapturedPage => ({
  url: location.href,
  title: 't',
  byline: null,
  siteName: null,
  lang: null,
  excerpt: null,
  markdown,
  method: 'visible-text',
  cutAtCapture: false,
});

const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('capture cache', () => {
  it('returns the last capture until the DOM changes', async () => {
    document.body.innerHTML = '<p>one</p>';
    const cache = createCaptureCache(new AbortController().signal);
    expect(cache.get()).toBeUndefined();
    cache.set(page('one'));
    await mutationsDelivered();
    expect(cache.get()?.markdown).toBe('one');

    document.body.querySelector('p')!.textContent = 'two';
    await mutationsDelivered();
    expect(cache.get()).toBeUndefined();
  });

  it('forgets the capture when the URL changes (single-page apps)', () => {
    const cache = createCaptureCache(new AbortController().signal);
    cache.set(page('home'));
    history.pushState({}, '', '/other');
    expect(cache.get()).toBeUndefined();
  });
});
