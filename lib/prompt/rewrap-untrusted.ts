import { type UntrustedNonce, untrustedMarkers } from './untrusted';
import { asUntrustedNonce } from './untrusted-nonce';

/** The markers Aside wrote before nonces. Its old defusing broke every copy of them inside content. */
const legacy = { open: /<<<UNTRUSTED_CONTENT(?!\w)/g, close: 'UNTRUSTED_CONTENT>>>' };

/**
 * A stored text with wrapped blocks (an action's filled-in template, an agent
 * run's transcript), its markers rewritten from the nonce it was wrapped with
 * (null: the markers before nonces) to the nonce of the request it is sent in,
 * so they match that request's system prompt. Only exact markers change: the
 * content inside was cleared of marker imitations and of its nonce when it was
 * wrapped, so no copy of them can be there.
 */
export function rewrapUntrusted(text: string, from: UntrustedNonce | null, to: UntrustedNonce): string {
  const target = untrustedMarkers(to);
  if (from === null) {
    return text.replaceAll(legacy.open, target.open).replaceAll(legacy.close, target.close);
  }
  if (from === to) return text;
  const source = untrustedMarkers(from);
  return text.replaceAll(source.open, target.open).replaceAll(source.close, target.close);
}

/**
 * The nonce a stored prompt was wrapped with: the one recorded with it, else
 * the one its first marker carries (a rated in-page card's prompt, which the
 * page's own content script handed back), else null (made before nonces).
 */
export function storedPromptNonce(prompt: string, recorded: string | undefined): UntrustedNonce | null {
  return asUntrustedNonce(recorded) ?? asUntrustedNonce(prompt.match(/<<<UNTRUSTED_CONTENT_([0-9a-f]{16}) /)?.[1]);
}
