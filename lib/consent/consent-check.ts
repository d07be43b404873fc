import { type CarriedSource, findCarriedText, type LabelledText } from './carried-text';
import { hasGrant } from './grants';

/**
 * The consent decision shared by everything that acts outside Aside on the
 * user's behalf (agent tools, the link action, page actions): what the call
 * carries, what to tell the user, and whether an "always for this site"
 * grant may let it through. A grant is for a site, not for whatever a
 * hijacked model puts in the address: a call that carries text the run has
 * read always asks, and is never offered "always".
 */
export interface CallCheck {
  /** Sources whose text the call carries, most first; empty when it carries none. */
  readonly carried: CarriedSource[];
  /** Where that text rides: in the target address, or elsewhere in the arguments. */
  readonly where: 'address' | 'arguments' | null;
  /** The target (or the arguments) decoded, to show beside the warning; null when nothing is carried. */
  readonly decoded: string | null;
  /** The source that shows the target itself as a link, when that is all it is. */
  readonly linkFrom: string | null;
  /** Whether an "always" grant may allow the call, and whether "always" may be offered. */
  readonly grantMayApply: boolean;
}

/** Every string in a call's arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function addUp(lists: readonly CarriedSource[][]): CarriedSource[] {
  const byLabel = new Map<string, CarriedSource>();
  for (const source of lists.flat()) {
    const key = `${source.conversation ? 'c' : 's'}${source.label}`;
    const known = byLabel.get(key);
    byLabel.set(key, known ? { ...known, chars: known.chars + source.chars } : source);
  }
  return [...byLabel.values()].sort((a, b) => b.chars - a.chars);
}

/** Checks a call's target URL and its other arguments against what the run has read. */
export function checkCall(target: string | null, args: unknown, sources: readonly LabelledText[]): CallCheck {
  const address = target ? findCarriedText(target, sources) : null;
  // Short strings cannot hold a 20-character run; the target itself was checked as an address.
  const others = strings(args)
    .filter((value) => value !== target && value.length >= 10)
    .map((value) => findCarriedText(value, sources))
    .filter((found) => found.sources.length > 0);
  const carried = addUp([address?.sources ?? [], ...others.map((found) => found.sources)]);
  const inAddress = (address?.sources.length ?? 0) > 0;
  const where = inAddress ? 'address' : others.length > 0 ? 'arguments' : null;
  const decoded =
    where === 'address' ? (address?.decoded ?? null) : where ? others.map((found) => found.decoded).join('\n') : null;
  return {
    carried,
    where,
    decoded,
    linkFrom: carried.length === 0 ? (address?.linkFrom?.label ?? null) : null,
    grantMayApply: carried.length === 0,
  };
}

/** Whether a stored "always" grant lets this call through without asking. */
export async function grantCovers(tool: string, site: string | null, check: CallCheck): Promise<boolean> {
  return site !== null && check.grantMayApply && (await hasGrant(tool, site));
}
