import type { Page, Worker } from 'playwright-core';
import type { AsideBrowser } from './extension';

/**
 * Runs `fn(arg)` in a context of the extension's origin, with its IndexedDB
 * and its APIs: the service worker running now (not `aside.serviceWorker`, the
 * one the browser started with, which is gone after `stopServiceWorker` or
 * after allowing incognito restarts the worker), else an open extension page,
 * else an options page opened for the call. A context that closes under the
 * call (a worker being replaced) hands over to the next.
 */
export async function evaluateInExtension<R, A>(
  aside: AsideBrowser,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  const origin = aside.url('');
  const workers = aside.context.serviceWorkers().filter((worker) => worker.url().startsWith(origin));
  const pages = aside.context.pages().filter((page) => page.url().startsWith(origin) && !page.isClosed());
  const contexts: (Worker | Page)[] = [...workers.reverse(), ...pages];
  for (const context of contexts) {
    try {
      return await evaluate(context, fn, arg);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
  const page = await aside.context.newPage();
  try {
    await page.goto(aside.url('options.html'));
    return await evaluate(page, fn, arg);
  } finally {
    await page.close();
  }
}

/** Page's and Worker's `evaluate`, which take the same arguments but whose overloads do not combine. */
async function evaluate<R, A>(context: Worker | Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return (await (context as { evaluate(fn: unknown, arg: unknown): Promise<unknown> }).evaluate(fn, arg)) as R;
}

/** Playwright's errors for a worker or page that closed or navigated away during the call. */
function isGone(error: unknown): boolean {
  return /closed|destroyed|detached|navigat/i.test(error instanceof Error ? error.message : String(error));
}
