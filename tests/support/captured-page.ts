import type { CapturedPage } from '../../lib/capture/page-context';

/**
 * A page as Readability captured it, for unit tests: the address and text a
 * test cares about, with the usual rest (no byline, site "Example", English).
 */
export function capturedPage(fields: Pick<CapturedPage, 'url' | 'markdown'> & Partial<CapturedPage>): CapturedPage {
  return {
    title: 'A page',
    byline: null,
    siteName: 'Example',
    lang: 'en',
    excerpt: null,
    method: 'readability',
    cutAtCapture: false,
    ...fields,
  };
}
