import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleHtml, articleSnippet, articles } from './articles';
import {
  type ApiEngine,
  badKeyReply,
  type EngineReply,
  enginePaths,
  type FixtureHit,
  rateLimitReply,
  readCall,
  resultsReply,
} from './engine-replies';
import { type ResultsSite, resultsPageHtml, robotCheckHtml } from './results-pages';

export type { ApiEngine, FixtureHit } from './engine-replies';
export type { ResultsSite } from './results-pages';

/** How an engine (or results page) behaves for the next requests. */
export type EngineMode =
  | 'ok'
  | 'empty'
  | 'rate-limit'
  | 'rate-limit-once'
  | 'down'
  | 'server-error'
  | 'malformed'
  | 'robot-check';

export interface SearchRequestRecord {
  /** `searxng`… for engines, `results:<site>` for results pages, `page:<slug>` for result pages. */
  readonly target: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | undefined>;
  readonly body: string;
  /** Epoch ms (performance clock) when the request arrived, and when its answer was sent. */
  readonly receivedAt: number;
  answeredAt?: number;
  /** The query the engine read from the request, in its documented place. */
  query?: string;
}

export interface SearchEngineServer {
  readonly origin: string;
  readonly requests: SearchRequestRecord[];
  /** The documented endpoint of `engine` on this server. */
  endpoint(engine: ApiEngine): string;
  /** The no-key results page of `site`, with the `{query}` placeholder. */
  resultsTemplate(site: ResultsSite): string;
  /** The URL of a result page (an article slug, or `slow`, `report.pdf`, `missing`, `moved`). */
  pageUrl(slug: string): string;
  /** The key each engine accepts. */
  key(engine: ApiEngine): string;
  /** What every engine lists (default: the five articles). */
  setHits(hits: readonly FixtureHit[]): void;
  setMode(target: ApiEngine | ResultsSite, mode: EngineMode): void;
  /** Milliseconds each article takes to answer (by slug; default 0). */
  setPageDelays(delays: Readonly<Record<string, number>>): void;
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * A local stand-in for every search backend Aside supports: the six API
 * engines in their documented formats, the four results pages of the no-key
 * mode, and the result pages themselves (with latencies, a PDF, a page that
 * never answers, a 404 and a redirect to another site).
 */
export async function startSearchEngineServer(): Promise<SearchEngineServer> {
  const requests: SearchRequestRecord[] = [];
  const modes = new Map<string, EngineMode>();
  let delays: Readonly<Record<string, number>> = {};
  let hits: readonly FixtureHit[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
      );
      const record: SearchRequestRecord = {
        target: 'unknown',
        method: req.method ?? 'GET',
        url: url.href,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: now(),
      };
      requests.push(record);
      res.on('finish', () => {
        record.answeredAt = now();
      });
      route(url, record, res);
    });
  });

  const send = (res: http.ServerResponse, reply: EngineReply, extra: Record<string, string> = {}) => {
    const json = typeof reply.body !== 'string';
    res
      .writeHead(reply.status, { 'content-type': json ? 'application/json' : 'text/html', ...extra })
      .end(json ? JSON.stringify(reply.body) : reply.body);
  };

  /** The mode for this request; a "once" mode turns back to ok after it was used. */
  const takeMode = (target: string): EngineMode => {
    const mode = modes.get(target) ?? 'ok';
    if (mode === 'rate-limit-once') modes.set(target, 'ok');
    return mode;
  };

  function route(url: URL, record: SearchRequestRecord, res: http.ServerResponse) {
    const engine = (Object.keys(enginePaths) as ApiEngine[]).find((e) => enginePaths[e] === url.pathname);
    if (engine) return answerEngine(engine, url, record, res);
    const results = url.pathname.match(/^\/results\/(bing|baidu|duckduckgo|google)$/);
    if (results) return answerResultsPage(results[1] as ResultsSite, url, record, res);
    const page = url.pathname.match(/^\/pages\/([\w.-]+)$/);
    if (page) return answerPage(page[1] ?? '', record, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  function answerEngine(engine: ApiEngine, url: URL, record: SearchRequestRecord, res: http.ServerResponse) {
    (record as { target: string }).target = engine;
    let body: Record<string, unknown> | null = null;
    try {
      body = record.body ? (JSON.parse(record.body) as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    const call = readCall(engine, record.method, url.searchParams, record.headers, body);
    if (!call?.query) return send(res, { status: 400, body: { error: 'Not this engine’s documented request.' } });
    record.query = call.query;
    const mode = takeMode(engine);
    if (mode === 'down') return void res.socket?.destroy();
    if (engine !== 'searxng' && call.key !== fixtureKey(engine)) return send(res, badKeyReply(engine));
    if (mode === 'rate-limit' || mode === 'rate-limit-once')
      return send(res, rateLimitReply(engine), { 'retry-after': '1' });
    if (mode === 'server-error') return send(res, { status: 503, body: { error: 'Service unavailable' } });
    if (mode === 'malformed') return send(res, { status: 200, body: { unexpected: true } });
    send(res, resultsReply(engine, call.query, mode === 'empty' ? [] : hits));
  }

  function answerResultsPage(site: ResultsSite, url: URL, record: SearchRequestRecord, res: http.ServerResponse) {
    (record as { target: string }).target = `results:${site}`;
    record.query = url.searchParams.get(site === 'baidu' ? 'wd' : 'q') ?? undefined;
    const mode = takeMode(site);
    const html =
      mode === 'robot-check'
        ? robotCheckHtml()
        : resultsPageHtml(site, record.query ?? '', mode === 'empty' ? [] : hits);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  }

  function answerPage(slug: string, record: SearchRequestRecord, res: http.ServerResponse) {
    (record as { target: string }).target = `page:${slug}`;
    if (slug === 'slow') return; // never answers; the server's close ends it
    if (slug === 'missing') return void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
    if (slug === 'moved') {
      return void res
        .writeHead(302, { location: `${origin.replace('127.0.0.1', 'localhost')}/pages/loxley-history` })
        .end();
    }
    if (slug === 'report.pdf') {
      return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%fixture\n');
    }
    const article = articles.find((a) => a.slug === slug);
    if (!article) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(article));
    }, delays[slug] ?? 0);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hits = articles.map((a) => ({ title: a.title, url: `${origin}/pages/${a.slug}`, snippet: articleSnippet(a) }));

  return {
    origin,
    requests,
    endpoint: (engine) => `${origin}${enginePaths[engine]}`,
    resultsTemplate: (site) => `${origin}/results/${site}?${site === 'baidu' ? 'wd' : 'q'}={query}`,
    pageUrl: (slug) => `${origin}/pages/${slug}`,
    key: fixtureKey,
    setHits: (next) => {
      hits = next;
    },
    setMode: (target, mode) => {
      modes.set(target, mode);
    },
    setPageDelays: (next) => {
      delays = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The key the fixture accepts for an engine. */
export function fixtureKey(engine: ApiEngine): string {
  return `${engine}-fixture-key`;
}
