import type { Worker } from 'playwright-core';
import type { AsideBrowser } from './extension';

/**
 * Stops the extension's service worker the way Chrome does when it idles it
 * out or it crashes: abruptly, mid-task. The next extension event restarts it.
 */
export async function stopServiceWorker(aside: AsideBrowser): Promise<void> {
  const cdp = await aside.connectOverCDP();
  try {
    const session = await cdp.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(aside.url('')));
    if (!worker) throw new Error('The extension service worker is not running');
    await session.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.close();
  }
}

/** The extension's running service worker (after a reload, not the one the browser started with). */
export async function currentServiceWorker(aside: AsideBrowser): Promise<Worker> {
  const running = () => aside.context.serviceWorkers().filter((worker) => worker.url().startsWith(aside.url('')));
  return running().at(-1) ?? (await aside.context.waitForEvent('serviceworker'));
}
