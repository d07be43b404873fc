/** Emphasis, link brackets and a leading "By"/"作者" that a byline line may carry around the name. */
const decoration = /[*_`[\]]|\]\([^)]*\)/g;
const lead = /^(?:by|von|par|por|作者|文|撰文)\s*[:：]?\s*/iu;

function normalized(text: string): string {
  return text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(decoration, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(lead, '')
    .toLowerCase();
}

/**
 * Whether a paragraph of a saved page is only its byline, as Readability
 * identified it ("Archive", "By Jane Doe", "**作者：张三**"): such a line says
 * who wrote the page, not what it says, so it is not chunk text. A paragraph
 * that merely mentions the author's name is kept.
 */
export function isBylineBlock(paragraph: string, byline: string | null | undefined): boolean {
  if (!byline) return false;
  const name = normalized(byline);
  return name.length > 0 && normalized(paragraph) === name;
}
