import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsideError } from '../messaging/errors';
import { fetchPdf } from './fetch-pdf';
import { pdfLimits } from './pdf-limits';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1');

/** A local server: the real fetch, and the answers a PDF's server can give. */
let origin = '';
const server = http.createServer((request, response) => {
  switch (request.url) {
    case '/doc.pdf':
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      return;
    case '/login.pdf':
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in</body></html>');
      return;
    case '/moved.pdf':
      response.writeHead(302, { location: '/doc.pdf' }).end();
      return;
    case '/declared-huge.pdf':
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdfLimits.maxBytes + 1 });
      response.write(pdf);
      return; // never ends: the client must stop on the header alone
    case '/streamed-huge.pdf': {
      // No length announced: the client must stop once the bytes pass the limit.
      response.writeHead(200, { 'content-type': 'application/pdf' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      response.write(pdf);
      let sent = 0;
      const pump = () => {
        while (sent <= pdfLimits.maxBytes && response.write(chunk)) sent += chunk.length;
        if (sent <= pdfLimits.maxBytes) response.once('drain', pump);
      };
      pump();
      response.on('close', () => response.destroy());
      return;
    }
    default:
      response.writeHead(404).end('not found');
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof AsideError ? error.code : String(error)),
  );

describe('fetchPdf', () => {
  it('gives the bytes of the PDF at the tab\u2019s address', async () => {
    expect(Buffer.from(await fetchPdf(`${origin}/doc.pdf`)).equals(pdf)).toBe(true);
  });

  it('refuses what is not a PDF, a redirect, and a server error', async () => {
    expect(await codeOf(fetchPdf(`${origin}/login.pdf`))).toBe('pdf-broken');
    expect(await codeOf(fetchPdf(`${origin}/moved.pdf`))).toBe('page-unreadable');
    expect(await codeOf(fetchPdf(`${origin}/missing.pdf`))).toBe('page-unreadable');
  });

  it('refuses a PDF over the size limit, announced or streamed, without reading it all', async () => {
    expect(await codeOf(fetchPdf(`${origin}/declared-huge.pdf`))).toBe('pdf-too-large');
    expect(await codeOf(fetchPdf(`${origin}/streamed-huge.pdf`))).toBe('pdf-too-large');
  }, 30_000);
});
