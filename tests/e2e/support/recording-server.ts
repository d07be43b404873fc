import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedHit {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RecordingServer {
  readonly origin: string;
  readonly hits: RecordedHit[];
  url(path: string): string;
  close(): Promise<void>;
}

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/**
 * A server that records every request it gets: an attacker's collector in
 * security tests (it must stay empty), or a plain site with custom replies
 * (`routes`, by path). Unknown paths answer a small HTML page.
 */
export async function startRecordingServer(routes: Record<string, Reply> = {}): Promise<RecordingServer> {
  const hits: RecordedHit[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      hits.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body });
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const route = routes[path];
      if (route) route(request, response);
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<title>ok</title><p>ok</p>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
