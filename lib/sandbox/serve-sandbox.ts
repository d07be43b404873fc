import { runCode } from './run-code';

/** A request from the host page: run this code, answer with this id. */
interface SandboxRequest {
  readonly id: string;
  readonly code: string;
}

function isRequest(data: unknown): data is SandboxRequest {
  const candidate = data as Partial<SandboxRequest> | null;
  return typeof candidate?.id === 'string' && typeof candidate.code === 'string';
}

/**
 * The sandboxed page's only job: run code posted by its parent (Aside's side
 * panel) and post back the outcome. The page is not web-accessible, so no web
 * page can frame it and send it code.
 */
export function serveSandbox(): void {
  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || !isRequest(event.data)) return;
    const outcome = await runCode(event.data.code);
    // The parent is an extension page; an opaque-origin sandbox cannot name its origin, hence '*'.
    window.parent.postMessage({ id: event.data.id, ...outcome }, '*');
  });
  window.parent.postMessage({ ready: true }, '*');
}
