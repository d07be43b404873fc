import { pageTools } from '../page-tools-slot';
import { sendToBackground } from './send-to-background';

let loading: Promise<void> | null = null;

/** How long a request waits for the page tools to load before it fails (and the next one tries again). */
const loadLimitMs = 10_000;

/**
 * Has the background inject the page tools (capture, selection, search
 * results, the card's runs: entrypoints/page-tools.content.ts) into this frame,
 * once; a failed or stuck attempt may be retried by the next request, so an
 * injection that never answers (a frame being replaced) cannot leave every
 * later request of this page waiting.
 */
export function loadPageTools(): Promise<void> {
  if (pageTools()) return Promise.resolve();
  if (!loading) {
    const attempt: Promise<void> = Promise.race([
      sendToBackground('page.injectTools', {}).then(() => undefined),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('The page tools did not load in time.')), loadLimitMs),
      ),
    ]).catch((error: unknown) => {
      if (loading === attempt) loading = null;
      throw error;
    });
    loading = attempt;
  }
  return loading;
}
