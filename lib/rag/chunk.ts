// TEMP STUB (not committed)
export interface Chunk {
  ordinal: number;
  text: string;
  headingPath: string[];
  start: number;
  end: number;
}
export function chunkMarkdown(markdown: string): Chunk[] {
  return [{ ordinal: 0, text: markdown, headingPath: [], start: 0, end: markdown.length }];
}
