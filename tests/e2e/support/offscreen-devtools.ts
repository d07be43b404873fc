import type { CDPSession } from 'playwright-core';
import type { AsideBrowser } from './extension';
import { evaluateInExtension } from './in-extension';

/** A DevTools Protocol call in the extension's offscreen document. */
export type OffscreenSend = <T = unknown>(method: string, params?: Record<string, unknown>) => Promise<T>;

interface TargetMessage {
  readonly sessionId: string;
  readonly message: string;
}

/**
 * Runs `use` with a DevTools connection to the extension's offscreen document
 * (the embedder host), which Playwright does not list as a page. The browser
 * session attaches to its target unflattened, so each call travels inside
 * `Target.sendMessageToTarget` and each answer or event inside
 * `Target.receivedMessageFromTarget`.
 */
export async function withOffscreenDocument<T>(
  aside: AsideBrowser,
  use: (send: OffscreenSend) => Promise<T>,
): Promise<T> {
  const cdp = await aside.connectOverCDP();
  try {
    const browserSession = await cdp.newBrowserCDPSession();
    const target = await offscreenTarget(aside, browserSession);
    const { sessionId } = (await browserSession.send('Target.attachToTarget', {
      targetId: target,
      flatten: false,
    })) as { sessionId: string };
    let nextId = 1;
    const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    browserSession.on('Target.receivedMessageFromTarget', (event: TargetMessage) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
      };
      if (message.method === 'Inspector.targetCrashed' || message.method === 'Inspector.detached') {
        for (const call of waiting.values())
          call.reject(new Error(`The offscreen document went away (${message.method})`));
        waiting.clear();
      }
      if (message.id === undefined) return;
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
    });
    const send: OffscreenSend = (method, params = {}) => {
      const id = nextId++;
      const answer = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
      void browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: Error) => waiting.get(id)?.reject(error));
      return answer as Promise<never>;
    };
    return await use(send);
  } finally {
    await cdp.close();
  }
}

/** The offscreen document's target id, once the background has opened it. */
async function offscreenTarget(aside: AsideBrowser, session: CDPSession): Promise<string> {
  const url = aside.url('offscreen.html');
  for (let i = 0; i < 200; i++) {
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const found = targetInfos.find((t) => t.url.startsWith(url));
    if (found) return found.targetId;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The offscreen document is not open');
}

/**
 * Opens the offscreen document the way the background does (the background
 * then finds it open and uses it), so a test can reach it before the
 * embedder's first job.
 */
export async function openOffscreenDocument(aside: AsideBrowser): Promise<void> {
  // The running worker (or an extension page), not the one the browser started with.
  await evaluateInExtension(
    aside,
    async () => {
      const chrome = (globalThis as unknown as { chrome: OffscreenChrome }).chrome;
      const url = chrome.runtime.getURL('offscreen.html');
      const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      if (open.length === 0)
        await chrome.offscreen.createDocument({ url, reasons: ['WORKERS', 'DOM_PARSER'], justification: 'E2E test' });
    },
    undefined,
  );
}

interface OffscreenChrome {
  runtime: {
    getURL(path: string): string;
    getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
  };
  offscreen: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
}

/**
 * A probe in the offscreen document, installed before ONNX Runtime asks for a
 * GPU device: it keeps every device the document gets (ONNX Runtime's lives
 * inside its module, out of reach otherwise) and counts queue submissions,
 * so that `loseGpuDeviceAfter` can destroy the device in the middle of a job,
 * between two of ONNX Runtime's GPU submissions, as a driver reset or a GPU
 * process crash would take it away. (Finding the device through the heap,
 * `Runtime.queryObjects` on `GPUDevice.prototype`, crashes the document's
 * renderer in Chromium 156.) Test instrumentation only: the extension has
 * no hook for it.
 */
export async function installGpuProbe(aside: AsideBrowser): Promise<void> {
  await openOffscreenDocument(aside);
  await withOffscreenDocument(aside, (send) =>
    send('Runtime.evaluate', { expression: `(${probe.toString()})()`, awaitPromise: true }),
  );
}

/** Arms the probe: the document's GPU devices are destroyed once `submits` more GPU submissions have been made. */
export async function loseGpuDeviceAfter(aside: AsideBrowser, submits: number): Promise<void> {
  await withOffscreenDocument(aside, (send) =>
    send('Runtime.evaluate', { expression: `globalThis.asideGpuProbe.lossAfter = ${submits}` }),
  );
}

/** How many devices the probe destroyed so far (0 while it waits for its count). */
export async function lostGpuDevices(aside: AsideBrowser): Promise<number> {
  return withOffscreenDocument(aside, async (send) => {
    const { result } = await send<{ result: { value: number } }>('Runtime.evaluate', {
      expression: 'globalThis.asideGpuProbe.destroyed',
      returnByValue: true,
    });
    return result.value;
  });
}

/** Runs inside the offscreen document (serialized): wraps `requestDevice` and `GPUQueue.submit`. */
function probe(): void {
  interface Probe {
    devices: { destroy(): void; queue: unknown }[];
    lossAfter: number | null;
    destroyed: number;
  }
  const scope = globalThis as unknown as {
    asideGpuProbe?: Probe;
    GPUAdapter: { prototype: { requestDevice(...args: unknown[]): Promise<Probe['devices'][number]> } };
    GPUQueue: { prototype: { submit(...args: unknown[]): void } };
  };
  if (scope.asideGpuProbe) return;
  const state: Probe = { devices: [], lossAfter: null, destroyed: 0 };
  scope.asideGpuProbe = state;
  const requestDevice = scope.GPUAdapter.prototype.requestDevice;
  scope.GPUAdapter.prototype.requestDevice = async function (this: unknown, ...args: unknown[]) {
    const device = await requestDevice.apply(this, args);
    state.devices.push(device);
    return device;
  };
  const submit = scope.GPUQueue.prototype.submit;
  scope.GPUQueue.prototype.submit = function (this: unknown, ...args: unknown[]) {
    submit.apply(this, args);
    if (state.lossAfter === null) return;
    state.lossAfter -= 1;
    if (state.lossAfter > 0) return;
    state.lossAfter = null;
    for (const device of state.devices) device.destroy();
    state.destroyed += state.devices.length;
  };
}
