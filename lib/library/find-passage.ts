/** Whitespace collapsed, so text from Markdown and text from the rendered page compare. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The block of a rendered document that holds a cited passage: the smallest
 * paragraph, list item, heading, cell or quote whose text contains the
 * passage's opening (its first 60 characters: the rendered text may differ
 * further on, where Markdown syntax was dropped), or is contained in it.
 */
export function findPassage(root: Element, passage: string): Element | null {
  const wanted = normal(passage);
  if (!wanted) return null;
  const opening = wanted.slice(0, 60);
  let best: Element | null = null;
  for (const block of root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, pre')) {
    const text = normal(block.textContent ?? '');
    if (text.length === 0) continue;
    if (!text.includes(opening) && !(text.length >= 20 && wanted.includes(text))) continue;
    if (!best || (best.textContent ?? '').length > text.length) best = block;
  }
  return best;
}
