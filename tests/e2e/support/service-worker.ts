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
