import type { CodeOutcome } from './run-code';

/** A request from the host page: run this code, answer with this id. */
interface SandboxRequest {
  readonly id: string;
  readonly code: string;
}

function isRequest(data: unknown): data is SandboxRequest {
  const candidate = data as Partial<SandboxRequest> | null;
  return typeof candidate?.id === 'string' && typeof candidate.code === 'string';
}

/** The worker's answer, which the code itself could have forged: only its strings are kept. */
function asOutcome(data: unknown): CodeOutcome {
  const candidate = (data ?? {}) as Partial<Record<keyof CodeOutcome, unknown>>;
  return {
    output: typeof candidate.output === 'string' ? candidate.output : '',
    ...(typeof candidate.result === 'string' ? { result: candidate.result } : {}),
    ...(typeof candidate.error === 'string' ? { error: candidate.error } : {}),
  };
}

/**
 * The sandboxed page's only job: take code posted by its parent (Aside's side
 * panel), run it in a fresh dedicated worker (`startWorker`, see
 * serve-code-worker.ts), and post back the outcome. The code never runs in
 * this page, so it cannot navigate it. The page is not web-accessible, so no
 * web page can frame it and send it code. The parent stops endless code by
 * removing this page's iframe, which ends its workers too.
 */
export function serveSandbox(startWorker: () => Worker): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isRequest(event.data)) return;
    const { id } = event.data;
    const worker = startWorker();
    const reply = (outcome: CodeOutcome) => {
      worker.terminate();
      // The parent is an extension page; an opaque-origin sandbox cannot name its origin, hence '*'.
      window.parent.postMessage({ id, ...outcome }, '*');
    };
    worker.addEventListener('message', (message) => reply(asOutcome(message.data)), { once: true });
    // A worker that cannot load, or code that throws outside the awaited snippet (in a timer), ends the call.
    const onError = (error: ErrorEvent) => reply({ output: '', error: error.message || 'The sandbox worker failed.' });
    worker.addEventListener('error', onError, { once: true });
    worker.postMessage({ code: event.data.code });
  });
  window.parent.postMessage({ ready: true }, '*');
}
