// Aside's offscreen document, opened on demand by the background (lib/rag/offscreen-document.ts):
// the local embedder, pdf.js, and the reader of web search result pages, each answering only the background.
import { serveOffscreenRequests } from '../../lib/messaging/requests';
import { pdfHandlers } from '../../lib/pdf/pdf-host';
import { embedderHandlers } from '../../lib/rag/embedder-host';
import { readablePage } from '../../lib/search/readable-page';

serveOffscreenRequests({
  ...embedderHandlers(),
  ...pdfHandlers(),
  'offscreen.readable': async ({ html, url }) => readablePage(html, url),
});
