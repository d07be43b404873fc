/** Where WXT writes entrypoints/sandbox-worker.ts: a classic script at the extension's root. */
const workerScriptPath = '/sandbox-worker.js';

/**
 * Starts run_javascript's code worker from the sandbox page. The page's origin
 * is opaque, so a worker at its chrome-extension:// URL would be cross-origin
 * (refused), and a module worker from a blob: URL fails to load in an opaque
 * origin (measured in Chromium 156). A classic worker from a blob: URL works
 * and inherits the page's CSP (`worker-src blob:`); it loads the real script
 * with `importScripts`, which the CSP's `script-src 'self'` allows.
 */
export function startCodeWorker(): Worker {
  const script = new URL(workerScriptPath, location.href).href;
  const bootstrap = new Blob([`importScripts(${JSON.stringify(script)});`], { type: 'text/javascript' });
  const url = URL.createObjectURL(bootstrap);
  try {
    return new Worker(url);
  } finally {
    // The worker has its script already; nothing else should be able to start another from this URL.
    URL.revokeObjectURL(url);
  }
}
