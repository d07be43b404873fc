import { type CarriedLink, type LinkCheck, normalLink } from '../../lib/consent/answer-links';

/**
 * How links and image addresses in a piece of model output are shown:
 * `checked` by the background when the answer ended (lib/consent/answer-links.ts),
 * `inert` while it is still being written (nothing from it may be opened or
 * loaded before it is checked), `open` for text that was never checked:
 * answers stored before the check existed, and pages the user saved (their
 * own links).
 */
export type LinkPolicy =
  | { readonly kind: 'checked'; readonly check: LinkCheck }
  | { readonly kind: 'inert' }
  | { readonly kind: 'open' };

export const inertLinks: LinkPolicy = { kind: 'inert' };
export const openLinks: LinkPolicy = { kind: 'open' };

/** The policy for stored model output: its verdict if it has one; else inert until it is settled. */
export function linkPolicyFor(check: LinkCheck | undefined, settled: boolean): LinkPolicy {
  if (check) return { kind: 'checked', check };
  return settled ? openLinks : inertLinks;
}

export type LinkVerdict =
  | { readonly kind: 'open' }
  | { readonly kind: 'inert' }
  | { readonly kind: 'carried'; readonly link: CarriedLink };

/**
 * What to do with one address under a policy. A checked answer's address
 * that the check did not see (another parser's reading of odd Markdown) is
 * inert: the match fails closed.
 */
export function linkVerdict(policy: LinkPolicy, address: string): LinkVerdict {
  if (policy.kind !== 'checked') return policy;
  const url = normalLink(address);
  if (url === null) return { kind: 'inert' };
  const link = policy.check.flagged.find((flagged) => flagged.url === url);
  if (link) return { kind: 'carried', link };
  return policy.check.checked.includes(url) ? { kind: 'open' } : { kind: 'inert' };
}
