import { AsideError } from '../messaging/errors';
import type { BackgroundRequests } from '../messaging/protocol';
import type { Handlers } from '../messaging/requests';
import { base64ToBytes } from '../pdf/bytes-base64';
import { extractInOffscreen } from '../pdf/capture-pdf-tab';
import { looksLikePdf } from '../pdf/pdf-limits';
import { saveLocalFile } from './save-local-file';

/**
 * The background's part in reading local files: pdf.js in the offscreen
 * document for a PDF's bytes (the panel reads the other formats itself), and
 * saving a read file into the library. Extension pages only (protocol.ts).
 */
export function fileRequestHandlers(): Pick<Handlers<BackgroundRequests>, 'files.extractPdf' | 'library.saveFile'> {
  return {
    'files.extractPdf': async ({ data }) => {
      const bytes = base64ToBytes(data);
      // Checked here too: pdf.js would take a long look at any bytes before giving up.
      if (!looksLikePdf(bytes)) throw new AsideError('pdf-broken', 'This file is not a PDF.');
      return extractInOffscreen(bytes);
    },
    'library.saveFile': async ({ file }) => saveLocalFile(file),
  };
}
