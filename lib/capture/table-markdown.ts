/**
 * Tables as Markdown. Every table becomes a GFM table when its cells are
 * single lines (the first row as the header when the table has none); layout
 * tables whose cells hold paragraphs or lists become those blocks in order.
 * No table is ever kept as raw HTML (turndown-plugin-gfm keeps headerless
 * tables as HTML, which would carry image URLs and markup into prompts, and it
 * throws on a table without rows).
 */
export function tableToMarkdown(
  table: HTMLTableElement,
  cellToMarkdown: (cell: HTMLTableCellElement) => string,
): string {
  const rows = [...table.rows]
    // Rows of nested tables belong to those tables.
    .filter((row) => row.closest('table') === table)
    .map((row) => [...row.cells].map((cell) => cellToMarkdown(cell).trim()));
  const filled = rows.filter((row) => row.some((cell) => cell !== ''));
  if (filled.length === 0) return '';
  const simple = filled.every((row) => row.every((cell) => !cell.includes('\n')));
  if (!simple) return `\n\n${filled.flat().filter(Boolean).join('\n\n')}\n\n`;
  const width = Math.max(...filled.map((row) => row.length));
  const line = (row: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (row[i] ?? '').replaceAll('|', '\\|')).join(' | ')} |`;
  const [header = [], ...body] = filled;
  const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`;
  return `\n\n${[line(header), separator, ...body.map(line)].join('\n')}\n\n`;
}
