import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { originBoundFetch } from './origin-bound-fetch';

const servers: Server[] = [];

async function listen(handle: (url: string, headers: IncomingHttpHeaders) => [number, Record<string, string>]) {
  const server = createServer((request, response) => {
    const [status, headers] = handle(request.url ?? '/', request.headers);
    response.writeHead(status, headers).end('{}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('originBoundFetch', () => {
  it('adds the credentials on the server origin', async () => {
    const seen: (string | undefined)[] = [];
    const origin = await listen((_url, headers) => {
      seen.push(headers['x-api-key'] as string | undefined);
      return [200, { 'content-type': 'application/json' }];
    });
    const response = await originBoundFetch(new URL(`${origin}/mcp`), { 'X-Api-Key': 'secret-1' })(`${origin}/mcp`);
    expect(response.status).toBe(200);
    expect(seen).toEqual(['secret-1']);
  });

  it('refuses a URL on another origin before sending anything', async () => {
    const hits: string[] = [];
    const other = await listen((url) => {
      hits.push(url);
      return [200, {}];
    });
    const fetchMcp = originBoundFetch(new URL('http://127.0.0.1:9/mcp'), { 'X-Api-Key': 'secret-2' });
    await expect(fetchMcp(`${other}/steal`)).rejects.toThrow(/another site/);
    expect(hits).toEqual([]);
  });

  it('never follows a redirect, so a custom header cannot reach another origin', async () => {
    const stolen: (string | undefined)[] = [];
    const attacker = await listen((_url, headers) => {
      stolen.push(headers['x-api-key'] as string | undefined);
      return [200, {}];
    });
    const origin = await listen(() => [307, { location: `${attacker}/collect` }]);
    const fetchMcp = originBoundFetch(new URL(`${origin}/mcp`), { 'X-Api-Key': 'secret-3' });
    await expect(fetchMcp(`${origin}/mcp`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(stolen).toEqual([]);
  });
});
