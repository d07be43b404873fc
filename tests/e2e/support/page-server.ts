import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The shared corpora, read in place beside the project (never copied into it). */
export const corporaDir = path.resolve(import.meta.dirname, '../../../../shared/corpora');
const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

export interface PageServer {
  readonly origin: string;
  /** URL of a Readability corpus page, e.g. corpusUrl('wikipedia'). */
  corpusUrl(name: string): string;
  /** URL of a generated article far longer than any token budget. */
  longArticleUrl(paragraphs?: number): string;
  /** URL of a file in tests/e2e/fixtures. */
  fixtureUrl(file: string): string;
  close(): Promise<void>;
}

/**
 * Serves test pages on 127.0.0.1: `/corpus/<name>/` is a real page from the
 * Readability corpus, `/fixtures/<file>` a project fixture.
 */
export async function startPageServer(): Promise<PageServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const corpus = url.pathname.match(/^\/corpus\/([\w.-]+)\/?$/);
    const fixture = url.pathname.match(/^\/fixtures\/([\w.-]+)$/);
    if (url.pathname === '/long-article') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(longArticle(Number(url.searchParams.get('paragraphs') ?? 2000)));
      return;
    }
    const file = corpus
      ? path.join(corporaDir, 'readability', corpus[1] ?? '', 'source.html')
      : fixture
        ? path.join(fixturesDir, fixture[1] ?? '')
        : undefined;
    if (!file || !fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = file.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8';
    // Corpus pages link to their original sites; a strict CSP keeps the test offline and fast.
    response.writeHead(200, {
      'content-type': type,
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    corpusUrl: (name) => `${origin}/corpus/${name}/`,
    longArticleUrl: (paragraphs = 2000) => `${origin}/long-article?paragraphs=${paragraphs}`,
    fixtureUrl: (file) => `${origin}/fixtures/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An article of numbered paragraphs, so a test can tell exactly where a cut fell. */
function longArticle(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the long article keeps going with more words about testing budgets and limits.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>A very long article</title></head><body><article><h1>A very long article</h1>${body}</article></body></html>`;
}
