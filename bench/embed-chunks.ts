import fs from 'node:fs';
import path from 'node:path';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/readability');
const corpusDir = fs.existsSync(corpus) ? corpus : '/work/shared/corpora/readability';

/** Readable text of a corpus article (Readability's expected output, tags stripped). */
export function articleText(name: string): string {
  const html = fs.readFileSync(path.join(corpusDir, name, 'expected.html'), 'utf8');
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `count` chunks of real article text of about 200 MiniLM tokens: 130-word
 * windows of English pages and 180-character windows of Chinese ones
 * (WordPiece splits hanzi one per token), kept when `tokens(chunk)` is within
 * 120–280 (a chunker's token budget with its natural spread).
 */
export function corpusChunks(count: number, tokens: (text: string) => number): string[] {
  const chunks: string[] = [];
  const pages = fs.readdirSync(corpusDir).sort();
  for (const name of pages) {
    const text = articleText(name);
    const cjk = (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > text.length / 4;
    if (cjk) {
      for (let i = 0; i < text.length; i += 180) chunks.push(text.slice(i, i + 180));
    } else {
      const words = text.split(' ');
      for (let i = 0; i < words.length; i += 130) chunks.push(words.slice(i, i + 130).join(' '));
    }
  }
  const usable = chunks.filter((c) => {
    const n = tokens(c);
    return n >= 120 && n <= 280;
  });
  // Interleave pages so each batch size sees the same mix.
  const step = Math.max(1, Math.floor(usable.length / count));
  return Array.from({ length: count }, (_, i) => usable[(i * step) % usable.length]!);
}
