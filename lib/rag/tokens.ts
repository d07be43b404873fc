/** Han, kana and hangul: one character ≈ one model token. */
const cjkPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A CJK character, a run of other letters/digits, or one other visible symbol. */
const piecePattern =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}]/gu;

/** Model tokens a word of Latin script costs on average in WordPiece/BPE vocabularies. */
const wordTokens = 1.3;
/** Punctuation and symbols: often merged with a neighbour, so counted as less than one. */
const symbolTokens = 0.5;

/** Token cost of one piece from {@link tokenPieces}. */
export function pieceTokens(piece: string): number {
  if (cjkPattern.test(piece)) return 1;
  return /[\p{L}\p{N}]/u.test(piece) ? wordTokens : symbolTokens;
}

/** Pieces of a text with their offsets: CJK characters, words, symbols (whitespace skipped). */
export function* tokenPieces(text: string): Generator<{ piece: string; index: number }> {
  for (const match of text.matchAll(piecePattern)) yield { piece: match[0], index: match.index };
}

/**
 * Approximate model tokens in a text, without a tokenizer: a CJK character
 * counts 1, a Latin-script word 1.3, a symbol 0.5. Close enough to MiniLM/E5
 * WordPiece counts to size chunks; exactness does not matter for retrieval.
 */
export function estimateTokens(text: string): number {
  let total = 0;
  for (const { piece } of tokenPieces(text)) total += pieceTokens(piece);
  return total;
}
