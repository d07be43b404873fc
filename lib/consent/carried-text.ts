import { sharedCharacters } from './shared-runs';
import { decodings } from './text-decodings';
import { toUnits } from './text-units';
import { addressLength, linksIn, type UrlPiece, urlPieces } from './url-pieces';

/**
 * The data-flow check: does a URL (or a request body) carry text that came
 * from a page, a tab, the library or the conversation? A run of 20 units (20
 * Latin characters, 10 Chinese: see text-units.ts) of a source, found in the
 * candidate as it is or in any of its decodings (text-decodings.ts), counts.
 * Pure: no browser API, so the agent, the link action and the answer renderer
 * use the same rule.
 *
 * What does not count: the address itself (origin, and the path a source's
 * own links show), a link a source shows in full (fetching a link found on a
 * page sends nothing new: that is "a link from «page»"), and anything shorter
 * than a run. Known limits: text split into pieces under 20 units, or changed
 * beyond case and spacing (letters swapped, words reordered, translated,
 * encodings other than percent, base64 and hex) is not recognised.
 */

/** A text the run has read, named for the user. */
export interface LabelledText {
  readonly label: string;
  readonly text: string;
  /** The user's own words (the goal, the question, earlier messages): named "the conversation". */
  readonly conversation?: boolean;
  /** Written by a model (a team member's message): its text counts, its links explain nothing. */
  readonly modelWritten?: boolean;
}

/** A source a candidate carries text from, and how many characters of it. */
export interface CarriedSource {
  readonly label: string;
  readonly chars: number;
  readonly conversation?: boolean;
}

export interface CarriedText {
  /** Sources whose text the candidate carries, most characters first; empty when it carries none. */
  readonly sources: CarriedSource[];
  /** The candidate with every piece decoded as far as it goes, to show the user. */
  readonly decoded: string;
  /** A source that shows this very URL as a link, when it carries nothing else. */
  readonly linkFrom: LabelledText | null;
}

interface Piece {
  readonly forms: string[];
  /** Pieces that are alternatives of each other (the whole tail vs. its parts) are summed apart. */
  readonly whole: boolean;
  /** Index of the first form that is checked (host labels check only their decodings). */
  readonly checkedFrom: number;
  readonly span?: UrlPiece;
}

function asHttpUrl(candidate: string): URL | null {
  try {
    const url = new URL(candidate.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function urlPiecesOf(url: URL, from: number): Piece[] {
  const href = url.href;
  const spans = urlPieces(url, from);
  const pieces: Piece[] = spans.map((span) => {
    const raw = href.slice(span.start, span.end);
    const forms = decodings(span.decodedOnly ? raw.replaceAll('.', '') : raw, span.query);
    return { forms, whole: false, checkedFrom: span.decodedOnly ? 1 : 0, span };
  });
  const queryAt = href.indexOf('?', from);
  const tail = queryAt < 0 ? href.slice(from) : href.slice(from, queryAt) + href.slice(queryAt).replaceAll('+', ' ');
  if (tail.length > 0) pieces.push({ forms: decodings(tail), whole: true, checkedFrom: 0 });
  return pieces;
}

/** The form of a piece to show: the one that carried most, else the most decoded. */
function shownForm(piece: Piece, counts: number[][], firstProbe: number): string {
  let best = piece.forms.length - 1;
  let most = 0;
  piece.forms.forEach((_, index) => {
    const carried = Math.max(0, ...counts.map((perProbe) => perProbe[firstProbe + index] ?? 0));
    if (carried > most) [best, most] = [index, carried];
  });
  return piece.forms[best] ?? '';
}

/** Which sources `candidate` (a URL, or any other text such as a request body) carries text from. */
export function findCarriedText(candidate: string, sources: readonly LabelledText[]): CarriedText {
  const url = asHttpUrl(candidate);
  const trusted = sources.filter((source) => !source.modelWritten);
  if (url) {
    const shows = trusted.find((source) => linksIn(source.text).includes(url.href));
    if (shows) return { sources: [], decoded: url.href, linkFrom: shows };
  }
  const from = url
    ? addressLength(
        url,
        trusted.flatMap((source) => linksIn(source.text)),
      )
    : 0;
  const pieces = url ? urlPiecesOf(url, from) : [{ forms: decodings(candidate), whole: true, checkedFrom: 0 }];
  const probes = pieces.flatMap((piece) => piece.forms.map((form) => toUnits(form)));
  const counts = sharedCharacters(
    probes,
    sources.map((source) => source.text),
  );

  const firstProbe: number[] = [];
  pieces.reduce((at, piece) => {
    firstProbe.push(at);
    return at + piece.forms.length;
  }, 0);
  const carried: CarriedSource[] = [];
  sources.forEach((source, index) => {
    const perProbe = counts[index] ?? [];
    const best = (piece: Piece, p: number) =>
      Math.max(
        0,
        ...piece.forms.map((_, f) => (f >= piece.checkedFrom ? (perProbe[(firstProbe[p] ?? 0) + f] ?? 0) : 0)),
      );
    let parts = 0;
    let whole = 0;
    pieces.forEach((piece, p) => {
      if (piece.whole) whole = Math.max(whole, best(piece, p));
      else parts += best(piece, p);
    });
    const chars = Math.max(parts, whole);
    if (chars > 0) carried.push({ label: source.label, chars, ...(source.conversation ? { conversation: true } : {}) });
  });
  carried.sort((a, b) => b.chars - a.chars);

  let decoded: string;
  if (url) {
    const href = url.href;
    const spans = pieces.flatMap((piece, p) => (piece.span && !piece.span.decodedOnly ? [{ piece, p }] : []));
    decoded = '';
    let at = 0;
    for (const { piece, p } of spans.sort((a, b) => (a.piece.span?.start ?? 0) - (b.piece.span?.start ?? 0))) {
      const span = piece.span as UrlPiece;
      decoded += href.slice(at, span.start) + shownForm(piece, counts, firstProbe[p] ?? 0);
      at = span.end;
    }
    decoded += href.slice(at);
  } else {
    decoded = pieces[0] ? shownForm(pieces[0], counts, 0) : candidate;
  }
  return { sources: carried, decoded, linkFrom: null };
}
