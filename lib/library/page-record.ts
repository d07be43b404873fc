import type { CapturedPage } from '../capture/page-context';
import type { PageRecord } from '../db/records';
import { textTerms } from './search-terms';

/** SHA-256 of a text, hex. */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Words for the list view: CJK characters count one each, like a reader counts them. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}]+/gu);
  return cjk + (words?.length ?? 0);
}

/**
 * What the search index holds for a page: its title, site and text, and the
 * text of its clips, so a saved selection is found even when it came from a
 * part of the page the article text left out (a sidebar, a comment).
 */
export function pageTerms(
  page: { title: string; siteName: string | null; markdown: string },
  clips: readonly { text: string; paragraph: string }[] = [],
): string[] {
  const clipText = clips.map((clip) => `${clip.text}\n${clip.paragraph}`).join('\n');
  return textTerms(`${page.title}\n${page.siteName ?? ''}\n${page.markdown}\n${clipText}`);
}

/** The fields of a page record that come from a capture (everything but identity and dates). */
export async function recordFields(page: CapturedPage & { favIconUrl?: string }) {
  return {
    url: page.url,
    title: page.title,
    byline: page.byline,
    siteName: page.siteName,
    lang: page.lang,
    excerpt: page.excerpt,
    publishedTime: page.publishedTime ?? null,
    markdown: page.markdown,
    contentHash: await contentHash(page.markdown),
    wordCount: countWords(page.markdown),
    ...(page.favIconUrl ? { favIconUrl: page.favIconUrl } : {}),
    method: page.method,
    cutAtCapture: page.cutAtCapture,
    ...(page.kind ? { kind: page.kind } : {}),
    terms: pageTerms(page),
  } satisfies Partial<PageRecord>;
}
