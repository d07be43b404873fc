import { capturePage } from '../capture/capture-page';

/** A result page's main text, as Readability (or the visible-text fallback) reads it. */
export interface ReadablePage {
  readonly title: string;
  readonly markdown: string;
  readonly lang: string | null;
}

/**
 * Reads a fetched HTML page the way Aside captures a tab (lib/capture): parsed
 * into an inert document (no scripts run, nothing loads), its links resolved
 * against the page's own address. Needs a DOM: the offscreen document on
 * Chrome, the background page on Firefox.
 */
export function readablePage(html: string, url: string): ReadablePage {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const base = document.createElement('base');
  base.href = url;
  document.head.prepend(base);
  const page = capturePage(document);
  return { title: page.title, markdown: page.markdown, lang: page.lang };
}
