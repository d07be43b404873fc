/** A JSONL file: one JSON value per line, ending with a newline when not empty. */
export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length > 0 ? '\n' : '');
}
