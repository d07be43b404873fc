import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { tableToMarkdown } from './table-markdown';

let service: TurndownService | undefined;

/**
 * The HTML → Markdown converter for captured pages: ATX headings, fenced code
 * with the language from `language-xxx` classes, GFM tables (table-markdown.ts), and no images
 * (their alt text stays): image URLs in a prompt invite the model to echo them.
 */
function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  service.use(gfm);
  service.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'button', 'form']);
  service.remove((node) => node.nodeName.toLowerCase() === 'svg');
  service.addRule('image-alt', {
    filter: 'img',
    replacement: (_content, node) => {
      const alt = (node as HTMLImageElement).getAttribute('alt')?.trim();
      // Spaced, so the alt text never runs into the word before or after it.
      return alt ? ` ${alt} ` : '';
    },
  });
  const converter = service;
  service.addRule('table', {
    filter: 'table',
    replacement: (_content, node) =>
      tableToMarkdown(node as HTMLTableElement, (cell) => converter.turndown(cell as HTMLElement)),
  });
  service.addRule('fenced-code-language', {
    filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName === 'CODE',
    replacement: (_content, node) => {
      const code = (node as HTMLElement).firstElementChild as HTMLElement;
      const language = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(code.className)?.[1] ?? '';
      const body = (code.textContent ?? '').replace(/\n$/, '');
      const fence = body.includes('```') ? '````' : '```';
      return `\n\n${fence}${language}\n${body}\n${fence}\n\n`;
    },
  });
  return service;
}

/**
 * Converts an element to Markdown, with links made absolute against `baseUrl`.
 * It changes the element's links: pass an element of a clone or an inert
 * document, never of the live page.
 */
export function elementToMarkdown(root: Element, baseUrl: string): string {
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#') || href.startsWith('javascript:')) {
      link.removeAttribute('href');
      continue;
    }
    try {
      link.setAttribute('href', new URL(href, baseUrl).href);
    } catch {
      link.removeAttribute('href');
    }
  }
  return turndown()
    .turndown(root as HTMLElement)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
