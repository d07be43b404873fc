// The offscreen document the background opens on demand (lib/rag/offscreen-document.ts):
// the embedder host, and the reader of web search result pages.
import { serveOffscreenRequests } from '../../lib/messaging/requests';
import { embedderHandlers } from '../../lib/rag/embedder-host';
import { readablePage } from '../../lib/search/readable-page';

serveOffscreenRequests({
  ...embedderHandlers(),
  'offscreen.readable': async ({ html, url }) => readablePage(html, url),
});
