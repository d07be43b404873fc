import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type CodeWorkerScope, serveCodeWorker } from '../lib/sandbox/serve-code-worker';

// run_javascript's code worker: built as a classic script (/sandbox-worker.js) that the sandbox page loads into a
// worker (lib/sandbox/start-code-worker.ts). The model's code runs here, never in the page.
export default defineUnlistedScript(() => serveCodeWorker(self as unknown as CodeWorkerScope));
