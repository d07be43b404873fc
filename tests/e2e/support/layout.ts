import type { Page } from 'playwright-core';

/** A control whose label does not fit: wrapped inside a word, or wider than its box. */
export interface LayoutProblem {
  readonly text: string;
  readonly problem: 'wraps-inside-word' | 'overflows';
}

/**
 * Measures every visible button, tab and link-styled control under `root`
 * (a CSS selector) as rendered: a label that overflows its box
 * (`scrollWidth > clientWidth`), or whose text is broken across lines
 * inside a word (a line box starting where the previous one ended mid-word,
 * found with a Range per character). Chinese has no spaces, so any break
 * inside a run of Han characters counts as inside a word, which is how
 * "允许一/次" is caught.
 */
export async function labelProblems(page: Page, root = 'body'): Promise<LayoutProblem[]> {
  return page.evaluate((rootSelector) => {
    const problems: { text: string; problem: 'wraps-inside-word' | 'overflows' }[] = [];
    const scope = document.querySelector(rootSelector);
    if (!scope) return problems;
    const controls = scope.querySelectorAll<HTMLElement>('button, [role="tab"], [role="button"], a.button, summary');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const label = (control.innerText ?? '').trim();
      if (!label) continue;
      if (control.scrollWidth > control.clientWidth + 1) {
        problems.push({ text: label, problem: 'overflows' });
        continue;
      }
      const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      let lastTop: number | null = null;
      let lastChar = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) {
          const char = value[i]!;
          if (/\s/.test(char)) {
            lastChar = ' ';
            continue;
          }
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const wordChar = /[\p{L}\p{N}]/u;
          if (lastTop !== null && rect.top > lastTop + 2 && wordChar.test(lastChar) && wordChar.test(char)) {
            problems.push({ text: label, problem: 'wraps-inside-word' });
            break;
          }
          lastTop = rect.top;
          lastChar = char;
        }
      }
    }
    return problems;
  }, root);
}

/**
 * How many rows of controls sit above `content` (a CSS selector) within
 * `root`: visible interactive elements above the content's top edge, grouped
 * by their vertical centre (controls whose centres are within 8 px share a row).
 */
export async function controlRowsAbove(page: Page, root: string, content: string): Promise<number> {
  return page.evaluate(
    ({ rootSelector, contentSelector }) => {
      const scope = document.querySelector(rootSelector);
      const target = document.querySelector(contentSelector);
      if (!scope || !target) throw new Error(`missing ${rootSelector} or ${contentSelector}`);
      const limit = target.getBoundingClientRect().top;
      const centres: number[] = [];
      for (const control of scope.querySelectorAll<HTMLElement>(
        'button, select, input, textarea, [role="tab"], [role="button"], a[href]',
      )) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.bottom > limit) continue;
        centres.push(box.top + box.height / 2);
      }
      centres.sort((a, b) => a - b);
      let rows = 0;
      let last = Number.NEGATIVE_INFINITY;
      for (const centre of centres) {
        if (centre - last > 8) rows++;
        last = centre;
      }
      return rows;
    },
    { rootSelector: root, contentSelector: content },
  );
}
