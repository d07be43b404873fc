import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { guessLanguage } from './language';
import { captureLimits, isOversized } from './limits';
import { elementToMarkdown } from './markdown';
import type { CapturedPage } from './page-context';
import { pageUrlFor } from './page-url';
import { mainContentRoot, visibleText } from './visible-text';

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const content = document
      .querySelector(`meta[property="${name}"], meta[name="${name}"]`)
      ?.getAttribute('content')
      ?.trim();
    if (content) return content;
  }
  return null;
}

/** The page's canonical URL when it declares one on its own origin (see pageUrlFor), else its address. */
export function canonicalUrl(document: Document): string {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  let resolved: string | null = null;
  try {
    if (href) resolved = new URL(href, document.baseURI).href;
  } catch {
    // An unparsable canonical link is ignored.
  }
  return pageUrlFor(resolved, document.URL);
}

function clip(markdown: string): { markdown: string; clipped: boolean } {
  if (markdown.length <= captureLimits.maxMarkdownChars) return { markdown, clipped: false };
  return { markdown: markdown.slice(0, captureLimits.maxMarkdownChars), clipped: true };
}

/** Readability's article, or null when it finds none or gives up (it throws past maxElemsToParse). */
function parseArticle(clone: Document) {
  try {
    return new Readability<Element>(clone, {
      maxElemsToParse: captureLimits.maxElements,
      // Code blocks carry their language as a `language-xxx` class.
      keepClasses: true,
      // The article element itself, not its HTML: converting it directly saves a serialize and a re-parse.
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    return null;
  }
}

/** The article as Markdown, or null if conversion fails on odd markup: the visible-text path takes over. */
function toMarkdown(content: Element, document: Document): string | null {
  try {
    return elementToMarkdown(content, document.baseURI);
  } catch {
    return null;
  }
}

/**
 * Captures a page as Markdown with its metadata. Readability runs on a clone,
 * so the live page is never changed; pages that are not articles (or are too
 * large to parse quickly) fall back to their visible main text.
 */
export function capturePage(document: Document): CapturedPage {
  const base = {
    url: canonicalUrl(document),
    lang: document.documentElement?.getAttribute('lang')?.trim() || null,
  };
  const oversized = isOversized(document);
  if (!oversized && isProbablyReaderable(document)) {
    const clone = document.cloneNode(true) as Document;
    const article = parseArticle(clone);
    const converted =
      article?.content && (article.textContent ?? '').trim() ? toMarkdown(article.content, document) : null;
    if (article && converted !== null) {
      const { markdown, clipped } = clip(converted);
      return {
        ...base,
        title: article.title?.trim() || document.title.trim(),
        byline: article.byline?.trim() || null,
        siteName: article.siteName?.trim() || meta(document, 'og:site_name'),
        lang: base.lang ?? (article.lang?.trim() || guessLanguage(article.textContent ?? '')),
        excerpt: article.excerpt?.trim() || null,
        publishedTime: article.publishedTime?.trim() || meta(document, 'article:published_time'),
        markdown,
        method: 'readability',
        cutAtCapture: clipped,
      };
    }
  }
  const root = mainContentRoot(document);
  const walked = root ? visibleText(root, captureLimits.maxWalkNodes) : { text: '', cut: false };
  const { markdown, clipped } = clip(walked.text);
  return {
    ...base,
    title: document.title.trim() || meta(document, 'og:title') || base.url,
    lang: base.lang ?? guessLanguage(walked.text),
    byline: meta(document, 'author'),
    siteName: meta(document, 'og:site_name'),
    excerpt: meta(document, 'description', 'og:description'),
    publishedTime: meta(document, 'article:published_time'),
    markdown,
    method: 'visible-text',
    cutAtCapture: oversized || walked.cut || clipped,
  };
}
