import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  bilibiliCues,
  bilibiliIds,
  bilibiliPlayerAnswer,
  bilibiliSubtitleBody,
  bilibiliWatchPage,
  chineseCues,
  englishCues,
  youtubeCaptionBody,
  youtubeIds,
  youtubeWatchPage,
} from '../../support/video-fixtures';

/** The real host names the fixtures answer for; the test browser reaches them through the egress proxy's tunnels. */
export const videoHosts = ['www.youtube.com', 'www.bilibili.com', 'api.bilibili.com', 'aisubtitle.hdslb.com'] as const;

/** One request the fixture sites received. */
export interface VideoRequest {
  readonly host: string;
  readonly path: string;
  readonly cookie: string | undefined;
  readonly origin: string | undefined;
}

export interface VideoServer {
  readonly port: number;
  readonly requests: readonly VideoRequest[];
  close(): Promise<void>;
}

/** A self-signed certificate for the fixture hosts, made with openssl for this run only. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aside-video-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const names = videoHosts.map((host) => `DNS:${host}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
        '-subj',
        '/CN=Aside video fixtures',
        '-addext',
        `subjectAltName=${names}`,
      ]),
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const send = (response: ServerResponse, type: string, body: string, headers: Record<string, string> = {}) =>
  response.writeHead(200, { 'content-type': type, ...headers }).end(body);

function youtube(url: URL, response: ServerResponse): boolean {
  const id = url.searchParams.get('v') ?? '';
  if (url.pathname === '/watch' && Object.values(youtubeIds).includes(id as never)) {
    send(response, 'text/html; charset=utf-8', youtubeWatchPage(id));
    return true;
  }
  if (url.pathname === '/api/timedtext' && id === youtubeIds.captioned) {
    const cues = url.searchParams.get('lang') === 'zh-Hans' ? chineseCues : englishCues;
    const json3 = url.searchParams.get('fmt') === 'json3';
    send(response, json3 ? 'application/json' : 'text/xml', youtubeCaptionBody(cues, json3 ? 'json3' : 'xml'));
    return true;
  }
  return false;
}

function bilibili(request: IncomingMessage, url: URL, response: ServerResponse): boolean {
  const host = request.headers.host ?? '';
  const video = /^\/video\/(BV\w{10})\/?$/.exec(url.pathname)?.[1];
  if (host === 'www.bilibili.com' && video && Object.values(bilibiliIds).some((v) => v.bvid === video)) {
    // A signed-in visitor: the cookie the player API asks for, on the whole site as Bilibili sets it.
    send(response, 'text/html; charset=utf-8', bilibiliWatchPage(video), {
      'set-cookie': 'SESSDATA=fixture-session; Domain=.bilibili.com; Path=/; Secure; HttpOnly; SameSite=Lax',
    });
    return true;
  }
  if (host === 'api.bilibili.com' && url.pathname === '/x/player/wbi/v2') {
    const signedIn = /(?:^|;\s*)SESSDATA=fixture-session/.test(request.headers.cookie ?? '');
    const answer = bilibiliPlayerAnswer(
      Number(url.searchParams.get('aid')),
      Number(url.searchParams.get('cid')),
      signedIn,
    );
    send(response, 'application/json', JSON.stringify(answer), {
      'access-control-allow-origin': 'https://www.bilibili.com',
      'access-control-allow-credentials': 'true',
    });
    return true;
  }
  if (host === 'aisubtitle.hdslb.com' && url.pathname.startsWith('/bfs/ai_subtitle/prod/')) {
    send(response, 'application/json', bilibiliSubtitleBody(bilibiliCues), { 'access-control-allow-origin': '*' });
    return true;
  }
  return false;
}

/** Serves the YouTube-like and Bilibili-like fixtures over HTTPS, by the Host each request names. */
export async function startVideoServer(): Promise<VideoServer> {
  const requests: VideoRequest[] = [];
  const server = https.createServer(certificate(), (request, response) => {
    const host = request.headers.host ?? '';
    const url = new URL(request.url ?? '/', `https://${host}`);
    requests.push({
      host,
      path: `${url.pathname}${url.search}`,
      cookie: request.headers.cookie,
      origin: request.headers.origin,
    });
    const served = host === 'www.youtube.com' ? youtube(url, response) : bilibili(request, url, response);
    if (!served) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
