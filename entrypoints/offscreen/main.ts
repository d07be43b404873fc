// Aside's offscreen document, opened on demand by the background (lib/rag/offscreen-document.ts):
// the local embedder and pdf.js, each answering only the background.
import { serveOffscreenRequests } from '../../lib/messaging/requests';
import { pdfHandlers } from '../../lib/pdf/pdf-host';
import { embedderHandlers } from '../../lib/rag/embedder-host';

serveOffscreenRequests({ ...embedderHandlers(), ...pdfHandlers() });
