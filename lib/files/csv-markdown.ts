/**
 * CSV (and TSV) as a Markdown table. Fields may be quoted (RFC 4180: quotes
 * doubled inside, line breaks allowed); the delimiter is the one of comma,
 * semicolon (spreadsheets in many European locales) and tab that splits the
 * first line most. The table stays within a character budget: rows past it
 * are left out and a last line says how many, so the model knows it saw part.
 */
export interface CsvBudget {
  /** Characters of Markdown at most. */
  readonly maxChars: number;
  /** Characters kept per cell; longer cells end with "…". */
  readonly maxCellChars: number;
}

export const csvBudget: CsvBudget = { maxChars: 400_000, maxCellChars: 300 };

export interface CsvTable {
  readonly markdown: string;
  readonly rows: number;
  readonly rowsShown: number;
}

/** Parses CSV text into rows of fields. */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((fields) => fields.some((value) => value.trim() !== ''));
}

/** The delimiter that splits the first line into the most fields (outside quotes). */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const cell = (value: string, max: number) => {
  const flat = value.replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** CSV text as a Markdown table, its first row the header, within `budget`. */
export function csvToMarkdown(text: string, budget: CsvBudget = csvBudget): CsvTable {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = rows;
  if (!header) return { markdown: '', rows: 0, rowsShown: 0 };
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cell(row[i] ?? '', budget.maxCellChars)).join(' | ')} |`;
  const lines = [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`];
  let size = lines[0]!.length + lines[1]!.length + 2;
  let shown = 0;
  for (const row of body) {
    const next = line(row);
    if (size + next.length + 1 > budget.maxChars) break;
    lines.push(next);
    size += next.length + 1;
    shown++;
  }
  if (shown < body.length) lines.push('', `[… ${body.length - shown} more rows of ${body.length} not shown]`);
  return { markdown: lines.join('\n'), rows: body.length, rowsShown: shown };
}
