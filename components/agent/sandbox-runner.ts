import { browser } from 'wxt/browser';
import type { ScriptAnswer } from '../../lib/agent/agent-stream-protocol';
import { callBackground } from '../../lib/messaging/requests';

/** Extra time for the sandbox page to load before the code's own limit starts. */
const loadGraceMs = 3000;

/**
 * Runs code in a fresh iframe of the sandboxed page (manifest `sandbox`: opaque
 * origin, no extension APIs, a CSP without network). Each run gets its own
 * iframe, removed afterwards; on timeout removing it is what stops the code.
 */
export function runInSandbox(code: string, timeoutMs: number): Promise<ScriptAnswer> {
  return new Promise((resolve) => {
    const id = crypto.randomUUID();
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.dataset.testid = 'agent-sandbox';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (answer: ScriptAnswer) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(answer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      const data = event.data as { ready?: boolean; id?: string; output?: unknown; result?: unknown; error?: unknown };
      if (data.ready) {
        frame.contentWindow?.postMessage({ id, code }, '*');
        // The clock starts when the code is handed over, not while the page loads.
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'script', output: '', timedOut: true }), timeoutMs);
        return;
      }
      if (data.id !== id) return;
      finish({
        kind: 'script',
        output: String(data.output ?? ''),
        ...(typeof data.result === 'string' ? { result: data.result } : {}),
        ...(typeof data.error === 'string' ? { error: data.error } : {}),
        timedOut: false,
      });
    };
    window.addEventListener('message', onMessage);
    // If the page never loads (it is missing, or blocked), the iframe still goes.
    timer = setTimeout(
      () => finish({ kind: 'script', output: '', error: 'The sandbox did not start.', timedOut: false }),
      timeoutMs + loadGraceMs,
    );
    frame.src = browser.runtime.getURL('/sandbox.html');
    document.body.append(frame);
  });
}

/** Runs the code of a run's `script` event (agent or team) and sends the result back to the waiting run. */
export function answerScriptEvent(event: { promptId: string; code: string; timeoutMs: number }): void {
  void runInSandbox(event.code, event.timeoutMs).then((answer) =>
    callBackground('agent.respond', { promptId: event.promptId, answer }),
  );
}
