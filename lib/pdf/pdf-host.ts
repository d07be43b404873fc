import type { OffscreenRequests } from '../messaging/protocol';
import type { Handlers } from '../messaging/requests';
import { base64ToBytes } from './bytes-base64';
import { extractPdf } from './extract-pdf';

/**
 * The offscreen document's PDF handler: bytes the background fetched from the
 * tab's own URL, extracted with pdf.js (whose worker keeps the parsing off
 * this document's thread). Only the background may send it (protocol.ts).
 */
export function pdfHandlers(): Pick<Handlers<OffscreenRequests>, 'offscreen.extractPdf'> {
  return {
    'offscreen.extractPdf': async ({ data, maxPages }) => extractPdf(base64ToBytes(data), maxPages),
  };
}
