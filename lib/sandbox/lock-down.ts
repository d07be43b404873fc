/**
 * WebRTC: `RTCPeerConnection` and every other `RTC…`/`webkitRTC…` name. ICE
 * sends STUN/TURN packets to any host the code names and no CSP governs it
 * (Chromium ignores CSP's `webrtc` directive, measured in Chromium 156).
 */
export const webRtcGlobals = /^(webkit)?RTC/;

/** Constructors that start a new global object, where removed names would be back. */
export const newGlobalConstructors = /^(Worker|SharedWorker|ShadowRealm)$/;

/** Thrown when a name could not be removed; the sandbox then refuses to run code at all. */
export class LockDownFailed extends Error {
  override readonly name = 'LockDownFailed';
}

/**
 * Removes the globals matching `patterns` from `scope` and its prototype
 * chain, then checks they are gone (throws `LockDownFailed` otherwise).
 * Called before any code the model wrote can run in that scope. Returns the
 * names removed. Fetch, XHR, WebSocket, EventSource and imports are left for
 * the sandbox CSP to refuse.
 */
export function lockDown(scope: object, ...patterns: RegExp[]): string[] {
  const matches = (name: string) => patterns.some((pattern) => pattern.test(name));
  const removed: string[] = [];
  for (let owner: object | null = scope; owner && owner !== Object.prototype; owner = Object.getPrototypeOf(owner)) {
    for (const name of Object.getOwnPropertyNames(owner)) {
      if (!matches(name)) continue;
      // A name that cannot be deleted is overwritten, when the browser allows that.
      if (!Reflect.deleteProperty(owner, name)) Reflect.defineProperty(owner, name, { value: undefined });
      removed.push(name);
    }
  }
  const left = removed.filter((name) => (scope as Record<string, unknown>)[name] !== undefined);
  if (left.length > 0) throw new LockDownFailed(`The sandbox could not remove ${left.join(', ')}.`);
  return removed;
}
