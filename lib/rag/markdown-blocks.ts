/** A run of the Markdown: a heading line, a paragraph (lines up to a blank line) or a fenced code block. */
export type Block =
  | { kind: 'heading'; level: number; title: string; start: number; end: number }
  | { kind: 'paragraph' | 'code'; start: number; end: number };

const headingLine = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits Markdown into blocks with character offsets. Only what chunking
 * needs: ATX headings (the capture pipeline writes `headingStyle: 'atx'`),
 * fenced code (kept whole, blank lines included) and blank-line paragraphs.
 * An unclosed fence runs to the end, as CommonMark says.
 */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraphStart = -1;
  let paragraphEnd = -1;
  let fence: { marker: string; start: number } | null = null;
  const closeParagraph = () => {
    if (paragraphStart >= 0) blocks.push({ kind: 'paragraph', start: paragraphStart, end: paragraphEnd });
    paragraphStart = -1;
  };
  let lineStart = 0;
  while (lineStart <= markdown.length) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? markdown.length : newline;
    const line = markdown.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (fence) {
      const close = fenceLine.exec(line);
      if (
        close?.[1] &&
        close[1][0] === fence.marker[0] &&
        close[1].length >= fence.marker.length &&
        !/\S/.test(line.slice(close[0].length))
      ) {
        blocks.push({ kind: 'code', start: fence.start, end: lineStart + line.length });
        fence = null;
      }
    } else {
      const open = fenceLine.exec(line);
      const heading = headingLine.exec(line);
      if (open?.[1]) {
        closeParagraph();
        fence = { marker: open[1], start: lineStart };
      } else if (heading?.[1]) {
        closeParagraph();
        blocks.push({
          kind: 'heading',
          level: heading[1].length,
          title: (heading[2] ?? '').trim(),
          start: lineStart,
          end: lineStart + line.length,
        });
      } else if (/\S/.test(line)) {
        if (paragraphStart < 0) paragraphStart = lineStart + (line.length - line.trimStart().length);
        paragraphEnd = lineStart + line.trimEnd().length;
      } else {
        closeParagraph();
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (fence) blocks.push({ kind: 'code', start: fence.start, end: markdown.trimEnd().length });
  closeParagraph();
  return blocks;
}
