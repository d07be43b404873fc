import { decodings } from './text-decodings';
import { type UrlPiece, urlPieces } from './url-pieces';

/** A part of a candidate, with every form it takes once decoded. */
export interface Piece {
  readonly forms: string[];
  /** The whole tail of a URL (or a whole body), an alternative to the sum of its parts. */
  readonly whole: boolean;
  /** Index of the first form that is checked (host labels check only their decodings). */
  readonly checkedFrom: number;
  /** Where it sits in the href, for URL pieces. */
  readonly span?: UrlPiece;
}

/** The candidate as an http(s) URL, or null for any other text. */
export function asHttpUrl(candidate: string): URL | null {
  try {
    const url = new URL(candidate.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The pieces of a URL after its first `from` characters (the address), and its whole tail. */
export function urlPiecesOf(url: URL, from: number): Piece[] {
  const href = url.href;
  const pieces: Piece[] = urlPieces(url, from).map((span) => {
    const raw = href.slice(span.start, span.end);
    const forms = decodings(span.decodedOnly ? raw.replaceAll('.', '') : raw, span.query);
    return { forms, whole: false, checkedFrom: span.decodedOnly ? 1 : 0, span };
  });
  const queryAt = href.indexOf('?', from);
  const tail = queryAt < 0 ? href.slice(from) : href.slice(from, queryAt) + href.slice(queryAt).replaceAll('+', ' ');
  if (tail.length > 0) pieces.push({ forms: decodings(tail), whole: true, checkedFrom: 0 });
  return pieces;
}

/** A text that is not a URL (a request body): one piece. */
export function textPieces(text: string): Piece[] {
  return [{ forms: decodings(text), whole: true, checkedFrom: 0 }];
}

/**
 * The candidate to show the user: each piece in the form that carried most
 * (`carriedBy(piece, form)`), else its most decoded form.
 */
export function decodedForm(
  candidate: string,
  url: URL | null,
  pieces: readonly Piece[],
  carriedBy: (piece: number, form: number) => number,
): string {
  const shown = (p: number) => {
    const piece = pieces[p];
    if (!piece) return '';
    let best = piece.forms.length - 1;
    let most = 0;
    piece.forms.forEach((_, f) => {
      const chars = carriedBy(p, f);
      if (chars > most) [best, most] = [f, chars];
    });
    return piece.forms[best] ?? '';
  };
  if (!url) return pieces.length > 0 ? shown(0) : candidate;
  const href = url.href;
  const spans = pieces
    .map((piece, p) => ({ span: piece.span, p }))
    .filter((entry): entry is { span: UrlPiece; p: number } => entry.span !== undefined && !entry.span.decodedOnly)
    .sort((a, b) => a.span.start - b.span.start);
  let decoded = '';
  let at = 0;
  for (const { span, p } of spans) {
    decoded += href.slice(at, span.start) + shown(p);
    at = span.end;
  }
  return decoded + href.slice(at);
}
