import { browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';
import { looksLikePdf, pdfLimits } from './pdf-limits';

/**
 * Fetches the PDF a tab shows, from the tab's own URL, in the background.
 *
 * Cookies are sent (`credentials: 'include'`): the request goes only to the
 * address the browser already loaded this document from, so it carries what
 * the viewer's own request carried, and a PDF behind a login (a paper through
 * a library, an intranet report) is the same document the user sees rather
 * than a login page. Redirects are not followed: the tab's URL is where the
 * document ended up, so a redirect now means the site answers differently (an
 * expired link, a login wall) and Aside stops instead of reading another page.
 * `file://` needs the user's "Allow access to file URLs" switch.
 */
export async function fetchPdf(url: string, signal = AbortSignal.timeout(60_000)): Promise<Uint8Array> {
  if (new URL(url).protocol === 'file:' && !(await browser.extension.isAllowedFileSchemeAccess())) {
    throw new AsideError('file-access-needed', 'Aside may not read file URLs.');
  }
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', redirect: 'error', signal });
  } catch (error) {
    throw new AsideError('page-unreadable', 'Could not load the PDF.', {
      detail: `Could not load the PDF again from ${url}: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  // file:// answers 0 with its bytes; http(s) must say 2xx.
  if (response.status !== 0 && !response.ok) {
    throw new AsideError('page-unreadable', `The PDF's server answered ${response.status}.`, {
      status: response.status,
      detail: `The server answered ${response.status} when Aside loaded the PDF again.`,
    });
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > pdfLimits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(declared);
  }
  const bytes = await readBytes(response, pdfLimits.maxBytes);
  if (!looksLikePdf(bytes)) throw new AsideError('pdf-broken', 'The tab’s address does not give a PDF file.');
  return bytes;
}

function tooLarge(bytes: number): AsideError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new AsideError('pdf-too-large', 'The PDF is too large.', {
    detail: `${mb(bytes)}; Aside reads PDFs up to ${mb(pdfLimits.maxBytes)}.`,
  });
}

/** The body's bytes, stopping the download (and refusing) past `maxBytes`. */
async function readBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(total);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
