import { lockDown, webRtcGlobals } from '../../lib/sandbox/lock-down';
import { serveSandbox } from '../../lib/sandbox/serve-sandbox';
import { startCodeWorker } from '../../lib/sandbox/start-code-worker';

// The manifest lists this page under `sandbox`: an opaque origin, no extension APIs, no network (see wxt.config.ts).
// The model's code runs in a worker (entrypoints/sandbox-worker.ts), never here; WebRTC goes from this page too.
lockDown(window, webRtcGlobals);
serveSandbox(startCodeWorker);
