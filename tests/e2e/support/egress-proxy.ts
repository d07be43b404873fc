import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

/** One request that left the browser, as the proxy saw it. */
export interface EgressRecord {
  /** `http://host:port` (or `https://host:port` for a CONNECT tunnel). */
  readonly origin: string;
  readonly url: string;
  readonly method: string;
  /**
   * Made by a page, extension page or worker: Chromium adds Fetch Metadata
   * (`sec-fetch-mode`) to every request a renderer or service worker makes,
   * and never to the browser's own service traffic (updates, network time).
   * Unknown (null) for HTTPS tunnels, whose headers the proxy cannot see.
   */
  readonly fromWebContext: boolean | null;
}

export interface EgressProxy {
  /** Chromium flags that send every request, loopback included, through this proxy. */
  readonly chromiumArgs: readonly string[];
  /** The proxy's port on 127.0.0.1 (0 for no proxy), for browsers configured by preferences (Firefox). */
  readonly port: number;
  readonly records: readonly EgressRecord[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy the test browser is forced through, so every request any
 * context makes (service worker, side panel, options, offscreen document,
 * pages) is seen here, whatever code made it. It forwards plain HTTP to the
 * real target and tunnels CONNECT, recording each request's origin.
 */
export async function startEgressProxy(
  /** HTTPS hosts whose CONNECT tunnels go to a local port (`www.youtube.com` → a fixture server) instead of being refused. */
  tunnels: ReadonlyMap<string, number> = new Map(),
): Promise<EgressProxy> {
  const records: EgressRecord[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end();
      return;
    }
    records.push({
      origin: target.origin,
      url: target.href,
      method: request.method ?? 'GET',
      fromWebContext: request.headers['sec-fetch-mode'] !== undefined,
    });
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port || 80,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers: request.headers,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
        reply.on('error', () => response.destroy());
        reply.on('aborted', () => response.destroy());
      },
    );
    // A broken upstream (a test's deliberately cut stream) must break the client's response too.
    upstream.on('error', () => response.destroy());
    response.on('close', () => upstream.destroy());
    request.on('error', () => upstream.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
    const [host = '', port = '443'] = (request.url ?? '').split(':');
    records.push({
      origin: `https://${host}:${port}`,
      url: `https://${request.url}`,
      method: 'CONNECT',
      fromWebContext: null,
    });
    // Node's server stops watching a CONNECT socket's errors; a browser resetting it must not crash the run.
    client.on('error', () => client.destroy());
    const local = port === '443' ? tunnels.get(host) : undefined;
    if (local !== undefined) {
      const upstream = net.connect(local, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      return;
    }
    // No real host is reachable from tests; refuse rather than tunnel.
    client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
    port,
    records,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
