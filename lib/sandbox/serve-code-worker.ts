import { lockDown, newGlobalConstructors, webRtcGlobals } from './lock-down';
import { type CodeOutcome, runCode } from './run-code';

/** The parts of a dedicated worker's global scope the code worker uses. */
export interface CodeWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: CodeOutcome): void;
}

/**
 * The run_javascript code worker: started by the sandbox page, one per call.
 * A worker has no DOM, no `window` and no `location` to assign, so the code
 * cannot navigate a frame, write a meta refresh, open a popup or submit a
 * form; it inherits the sandbox page's CSP (no connect, no imports); and
 * WebRTC, which CSP does not govern, is removed before the code runs, with
 * the constructors of new globals (nested workers) where it would be back. If
 * that removal fails, no code runs.
 */
export function serveCodeWorker(scope: CodeWorkerScope): void {
  let refusal: string | undefined;
  try {
    lockDown(scope, webRtcGlobals, newGlobalConstructors);
  } catch (error) {
    refusal = String(error);
  }
  scope.addEventListener('message', async (event) => {
    const code = (event.data as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return;
    scope.postMessage(refusal === undefined ? await runCode(code) : { output: '', error: refusal });
  });
}
