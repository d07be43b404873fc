import { type CarriedSource, findCarriedTexts, type LabelledText } from './carried-text';

/**
 * The data-flow check for model output: a Markdown link or image in an
 * answer is an address the user might open, so one that carries text the
 * model was given is shown as plain text with the warning instead.
 *
 * The check runs where the sources are: in the background, when an answer is
 * finished (a chat turn's page text and library excerpts never reach the
 * panel), and the verdict is stored with the answer. The panel then matches
 * each link it renders against the verdict: flagged → plain text and warning;
 * checked and clean → a link as before; anything else (an answer still
 * streaming, a link the extraction below did not see) → plain text. The
 * extraction is deliberately generous (every http(s) or www. address in the
 * text, with and without trailing punctuation), and matching fails closed.
 */

/** A link (or image address) that carries text from the answer's sources. */
export interface CarriedLink {
  /** The address as the URL parser writes it. */
  readonly url: string;
  readonly carried: CarriedSource[];
  /** The address decoded, to show the user. */
  readonly decoded: string;
}

/** The verdict on an answer's links, stored with it. */
export interface LinkCheck {
  /** Every address found in the answer, clean or not. */
  readonly checked: string[];
  readonly flagged: CarriedLink[];
}

/** The address as the URL parser writes it, or null when it is not an http(s) address. */
export function normalLink(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Every http(s) address in Markdown text, in each form a renderer might end
 * it: from each `http(s)://` or `www.` up to a space, cut before each `)`,
 * `]` or `>` and after trailing punctuation (`[a](url)[b](url2)` holds both).
 */
export function addressesIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const start of markdown.matchAll(/https?:\/\/|www\./gi)) {
    const run = /^[^\s<>"'`]+/.exec(markdown.slice(start.index, start.index + 8192))?.[0] ?? '';
    const www = run.toLowerCase().startsWith('www.');
    const ends = new Set([run.length]);
    for (const stop of run.matchAll(/[)\]>]/g)) ends.add(stop.index);
    for (const end of ends) {
      let address = run.slice(0, end);
      for (let cut = 0; cut < 4; cut++) {
        const link = normalLink(www ? `http://${address}` : address);
        if (link) found.add(link);
        if (!/[.,;:!?*_~|]$/.test(address)) break;
        address = address.slice(0, -1);
      }
    }
  }
  return [...found];
}

/** Checks every address in an answer against what its model was given. */
export function checkAnswerLinks(markdown: string, sources: readonly LabelledText[]): LinkCheck {
  const checked = addressesIn(markdown);
  const flagged: CarriedLink[] = [];
  findCarriedTexts(checked, sources).forEach((found, index) => {
    const url = checked[index];
    if (url && found.sources.length > 0) flagged.push({ url, carried: found.sources, decoded: found.decoded });
  });
  return { checked, flagged };
}

/** Two verdicts as one (a team run's turns, each checked when it ends). */
export function mergeLinkChecks(a: LinkCheck | undefined, b: LinkCheck): LinkCheck {
  if (!a) return b;
  const flagged = new Map([...a.flagged, ...b.flagged].map((link) => [link.url, link]));
  return { checked: [...new Set([...a.checked, ...b.checked])], flagged: [...flagged.values()] };
}
