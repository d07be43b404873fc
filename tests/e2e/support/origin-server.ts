import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A second web origin for tests that need one site to act against another (127.0.0.1 on its own port). */
export interface OriginServer {
  readonly origin: string;
  /** Serves `html` at `path` from now on. */
  serve(path: string, html: string): string;
  close(): Promise<void>;
}

/** Starts an empty origin; tests add the pages it serves with `serve`. */
export async function startOriginServer(): Promise<OriginServer> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve: (path, html) => {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
