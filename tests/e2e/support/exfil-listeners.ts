import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where leaked data would land: an HTTP server and a UDP port (a STUN/TURN server's), both logging everything. */
export interface ExfilListeners {
  /** `http://127.0.0.1:<port>`: deliberately not allowed by the egress audit, so a request there also fails it. */
  readonly httpOrigin: string;
  /** Requests the HTTP server received, as `METHOD /path?query`. */
  readonly httpLog: string[];
  readonly udpPort: number;
  /** Datagrams the UDP port received, as `from-address:port (n bytes)`. */
  readonly udpLog: string[];
  close(): Promise<void>;
}

/** Starts both listeners on loopback, each on a free port. */
export async function startExfilListeners(): Promise<ExfilListeners> {
  const httpLog: string[] = [];
  const server = http.createServer((request, response) => {
    httpLog.push(`${request.method} ${request.url}`);
    // A page that would keep a navigated frame alive, as a real attacker's would.
    response.writeHead(200, { 'content-type': 'text/html' }).end('<p>thanks</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const udpLog: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, from) => udpLog.push(`${from.address}:${from.port} (${message.length} bytes)`));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    httpOrigin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    httpLog,
    udpPort: socket.address().port,
    udpLog,
    close: async () => {
      server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) => socket.close(() => resolve())),
      ]);
    },
  };
}
