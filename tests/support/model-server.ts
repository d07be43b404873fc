import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { TEST_MODELS_DIR } from './test-models/make-test-models';

/** One request the model server received. */
export interface ModelRequest {
  readonly method: string;
  /** e.g. `aside-test/tiny-embed` */
  readonly model: string;
  readonly revision: string;
  /** e.g. `onnx/model_quantized.onnx` */
  readonly file: string;
  readonly range?: string;
  readonly status: number;
}

/** How the server misbehaves, for error-path tests. */
export type ModelServerFailure = 'none' | 'unreachable' | 'not-found' | 'server-error';

export interface ModelServer {
  /** Base URL ending in `/`, usable as Transformers.js `env.remoteHost` and as Aside's model host setting. */
  readonly url: string;
  readonly origin: string;
  readonly requests: ModelRequest[];
  /** GET requests answered 200/206 for files (downloads), in order. */
  downloads(): ModelRequest[];
  /** `unreachable` closes the port (connection refused); the others answer 404/500. */
  fail(mode: ModelServerFailure): Promise<void>;
  /**
   * Sends file bodies at about this many bytes per second (null: full speed), so a UI can show progress
   * or a test can act while a download is under way; a new rate applies to downloads already under way too.
   */
  throttle(bytesPerSecond: number | null): void;
  close(): Promise<void>;
}

const ROUTE = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/;

/**
 * Serves Hub-layout repositories (`/{org}/{model}/resolve/{revision}/{file}`)
 * from a folder (default: the generated test models), with HEAD and Range
 * support like the Hub, so the product's real download path is what tests use.
 */
export async function startModelServer(options: { root?: string; port?: number } = {}): Promise<ModelServer> {
  const root = options.root ?? TEST_MODELS_DIR;
  const requests: ModelRequest[] = [];
  const sockets = new Set<Socket>();
  let failure: ModelServerFailure = 'none';
  let rate: number | null = null;

  const server = http.createServer((req, res) => {
    const match = ROUTE.exec(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const [, model = '', revision = '', file = ''] = match ?? [];
    const record = (status: number) =>
      requests.push({ method: req.method ?? 'GET', model, revision, file, range: req.headers.range, status });
    // Extension pages fetch cross-origin: answer like the Hub does (CORS open, length and range exposed).
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, ETag');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', '*');
      res.writeHead(204).end();
      return;
    }
    const filePath = path.join(root, model, file);
    const inside = filePath.startsWith(path.join(root, path.sep)) && !file.split('/').includes('..');
    const status = failure === 'server-error' ? 500 : !match || !inside || failure === 'not-found' ? 404 : 200;
    if (status !== 200 || !existsSync(filePath) || !statSync(filePath).isFile()) {
      const code = status === 200 ? 404 : status;
      record(code);
      res.writeHead(code, { 'Content-Type': 'text/plain' }).end(code === 404 ? 'Entry not found' : 'Internal Error');
      return;
    }
    const size = statSync(filePath).size;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    }
    const partial = Boolean(range) && start <= end;
    record(partial ? 206 : 200);
    res.writeHead(partial ? 206 : 200, {
      'Content-Length': String(end - start + 1),
      'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      ETag: `"${size}-${GENERATOR_ETAG}"`,
      ...(partial ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else if (rate === null) createReadStream(filePath, { start, end }).pipe(res);
    else
      createReadStream(filePath, { start, end, highWaterMark: 16 * 1024 })
        .pipe(paced(() => rate))
        .pipe(res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });

  const port = await listen(options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    downloads: () => requests.filter((r) => r.method === 'GET' && (r.status === 200 || r.status === 206)),
    async fail(mode) {
      // Same port again once reachable, so the extension's host setting stays valid.
      if (mode === 'unreachable') await stop();
      else if (!server.listening) await listen(port);
      failure = mode;
    },
    throttle(bytesPerSecond) {
      rate = bytesPerSecond;
    },
    close: stop,
  };
}

const GENERATOR_ETAG = 'aside-test';

/** Passes chunks through at the rate `bytesPerSecond` gives when each chunk comes (null: at once). */
function paced(bytesPerSecond: () => number | null): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const rate = bytesPerSecond();
      if (rate === null) done(null, chunk);
      else setTimeout(() => done(null, chunk), (chunk.length / rate) * 1000);
    },
  });
}
