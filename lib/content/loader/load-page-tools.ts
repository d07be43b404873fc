import { pageTools } from '../page-tools-slot';
import { sendToBackground } from './send-to-background';

let loading: Promise<void> | null = null;

/**
 * Has the background inject the page tools (capture, selection, search
 * results, the card's runs: entrypoints/page-tools.content.ts) into this frame,
 * once; a failed attempt may be retried by the next request.
 */
export function loadPageTools(): Promise<void> {
  if (pageTools()) return Promise.resolve();
  loading ??= sendToBackground('page.injectTools', {}).then(
    () => undefined,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
