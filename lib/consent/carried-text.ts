import { asHttpUrl, decodedForm, type Piece, textPieces, urlPiecesOf } from './candidate-pieces';
import { sharedCharacters } from './shared-runs';
import { toUnits } from './text-units';
import { addressLength, linksIn } from './url-pieces';

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
 * than a run. A link that only a model-written source shows (a teammate's
 * message) is still checked against every other source: a hijacked member
 * can write a link that carries a page it read. Known limits: text split into pieces under 20 units, or changed
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

/** One candidate's plan: its pieces, and where their forms start among all probes. */
interface Plan {
  readonly url: URL | null;
  readonly pieces: Piece[];
  readonly firstProbe: number[];
  readonly linkFrom: LabelledText | null;
  /** A model-written source that shows this URL: it explains nothing about text from the other sources. */
  readonly shownByModel: LabelledText | null;
}

/** Which sources `candidate` (a URL, or any other text such as a request body) carries text from. */
export function findCarriedText(candidate: string, sources: readonly LabelledText[]): CarriedText {
  return findCarriedTexts([candidate], sources)[0] ?? { sources: [], decoded: candidate, linkFrom: null };
}

/** The same for many candidates at once (an answer's links): the sources are read once for all. */
export function findCarriedTexts(candidates: readonly string[], sources: readonly LabelledText[]): CarriedText[] {
  const trusted = sources.filter((source) => !source.modelWritten);
  const links = trusted.map((source) => linksIn(source.text));
  const allLinks = links.flat();
  let probeCount = 0;
  const plans: Plan[] = candidates.map((candidate) => {
    const url = asHttpUrl(candidate);
    const shows = url ? trusted.find((_, index) => links[index]?.includes(url.href)) : undefined;
    const shownByModel =
      url && !shows
        ? sources.find((source) => source.modelWritten && linksIn(source.text).includes(url.href))
        : undefined;
    const pieces = shows ? [] : url ? urlPiecesOf(url, addressLength(url, allLinks)) : textPieces(candidate);
    const firstProbe = pieces.map((piece) => {
      const first = probeCount;
      probeCount += piece.forms.length;
      return first;
    });
    return { url, pieces, firstProbe, linkFrom: shows ?? null, shownByModel: shownByModel ?? null };
  });
  const probes = plans.flatMap((plan) => plan.pieces.flatMap((piece) => piece.forms.map((form) => toUnits(form))));
  const counts = sharedCharacters(
    probes,
    sources.map((source) => source.text),
  );
  return plans.map((plan, c) => {
    const candidate = candidates[c] ?? '';
    if (plan.linkFrom) return { sources: [], decoded: plan.url?.href ?? candidate, linkFrom: plan.linkFrom };
    const carried: CarriedSource[] = [];
    sources.forEach((source, s) => {
      // A teammate's link repeated is not its text carried; the pages it read still count.
      if (plan.shownByModel && source.modelWritten) return;
      const perProbe = counts[s] ?? [];
      let parts = 0;
      let whole = 0;
      plan.pieces.forEach((piece, p) => {
        const first = plan.firstProbe[p] ?? 0;
        const best = Math.max(
          0,
          ...piece.forms.map((_, f) => (f >= piece.checkedFrom ? (perProbe[first + f] ?? 0) : 0)),
        );
        if (piece.whole) whole = Math.max(whole, best);
        else parts += best;
      });
      const chars = Math.max(parts, whole);
      if (chars === 0) return;
      // Several sources under one name (the conversation as each turn saw it) are one source: the most it carried.
      const same = carried.findIndex(
        (each) => each.label === source.label && !each.conversation === !source.conversation,
      );
      const entry = { label: source.label, chars, ...(source.conversation ? { conversation: true } : {}) };
      if (same < 0) carried.push(entry);
      else if ((carried[same]?.chars ?? 0) < chars) carried[same] = entry;
    });
    carried.sort((a, b) => b.chars - a.chars);
    if (carried.length === 0 && plan.shownByModel) {
      return { sources: [], decoded: plan.url?.href ?? candidate, linkFrom: plan.shownByModel };
    }
    const carriedBy = (p: number, f: number) =>
      Math.max(0, ...counts.map((perProbe) => perProbe[(plan.firstProbe[p] ?? 0) + f] ?? 0));
    return { sources: carried, decoded: decodedForm(candidate, plan.url, plan.pieces, carriedBy), linkFrom: null };
  });
}
