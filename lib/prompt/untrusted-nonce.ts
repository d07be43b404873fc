declare const nonceBrand: unique symbol;

/**
 * The random code in the untrusted-content markers of one request (or one
 * agent run, see run-nonce.ts). A page cannot close a block whose closing
 * marker it cannot know. Branded, so a plain string cannot be passed by mistake.
 */
export type UntrustedNonce = string & { readonly [nonceBrand]: true };

const format = /^[0-9a-f]{16}$/;

/** A fresh nonce: 64 random bits as 16 lowercase hex digits. */
export function newUntrustedNonce(): UntrustedNonce {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('') as UntrustedNonce;
}

/** A stored nonce, when it has the right form; null otherwise (or for records made before nonces). */
export function asUntrustedNonce(value: unknown): UntrustedNonce | null {
  return typeof value === 'string' && format.test(value) ? (value as UntrustedNonce) : null;
}
