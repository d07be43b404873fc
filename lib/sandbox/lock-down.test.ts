import { describe, expect, it } from 'vitest';
import { LockDownFailed, lockDown, newGlobalConstructors, webRtcGlobals } from './lock-down';

/** A global-like object: interface objects on the object itself, methods on its prototype, as in a worker. */
function fakeWorkerGlobal() {
  const prototype = { webkitRTCPeerConnection: class {}, importScripts: () => {} };
  return Object.assign(Object.create(prototype) as Record<string, unknown>, {
    RTCPeerConnection: class {},
    RTCDataChannel: class {},
    RTCSessionDescription: class {},
    RTCIceCandidate: class {},
    RTCRtpScriptTransformer: class {},
    Worker: class {},
    SharedWorker: class {},
    fetch: () => {},
    WebSocket: class {},
    ArtifactRTC: 1,
  });
}

describe('lockDown', () => {
  it('removes WebRTC and new-global constructors, own and inherited, and keeps what CSP governs', () => {
    const scope = fakeWorkerGlobal();
    expect(lockDown(scope, webRtcGlobals, newGlobalConstructors).sort()).toEqual(
      [
        'RTCDataChannel',
        'RTCIceCandidate',
        'RTCPeerConnection',
        'RTCRtpScriptTransformer',
        'RTCSessionDescription',
        'SharedWorker',
        'Worker',
        'webkitRTCPeerConnection',
      ].sort(),
    );
    for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'Worker']) {
      expect(scope[name]).toBeUndefined();
      expect(name in scope).toBe(false);
    }
    // The network APIs stay for CSP to refuse (the model then reads "Failed to fetch"); other names are untouched.
    expect(typeof scope.fetch).toBe('function');
    expect(typeof scope.WebSocket).toBe('function');
    expect(typeof scope.importScripts).toBe('function');
    expect(scope.ArtifactRTC).toBe(1);
  });

  it('overwrites a name it cannot delete, and refuses when it can do neither', () => {
    const writable = fakeWorkerGlobal();
    Object.defineProperty(writable, 'RTCPeerConnection', { value: class {}, configurable: false, writable: true });
    lockDown(writable, webRtcGlobals);
    expect(writable.RTCPeerConnection).toBeUndefined();

    const stuck = fakeWorkerGlobal();
    Object.defineProperty(stuck, 'RTCPeerConnection', { value: class {}, configurable: false, writable: false });
    expect(() => lockDown(stuck, webRtcGlobals)).toThrow(LockDownFailed);
    expect(() => lockDown(stuck, webRtcGlobals)).toThrow('could not remove RTCPeerConnection');
  });

  it('removes only what the patterns name: the sandbox page keeps Worker to start its code worker', () => {
    const page = fakeWorkerGlobal();
    lockDown(page, webRtcGlobals);
    expect(page.RTCPeerConnection).toBeUndefined();
    expect(typeof page.Worker).toBe('function');
  });
});
