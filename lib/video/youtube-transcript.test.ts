import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishCues, youtubeCaptionBody, youtubeIds, youtubePlayerResponse } from '../../tests/support/video-fixtures';
import { readYoutubeTranscript } from './youtube-transcript';

/** The fixture's player response with its caption URLs moved to `origin` (or left elsewhere). */
function playerResponse(id: string, captionOrigin: string): unknown {
  return JSON.parse(
    JSON.stringify(youtubePlayerResponse(youtubeIds.captioned))
      .replaceAll(youtubeIds.captioned, id)
      .replaceAll('https://www.youtube.com', captionOrigin),
  );
}

const watchPage = (response: unknown, panel = '') =>
  `<html><body>${panel}<script>var ytInitialPlayerResponse = ${JSON.stringify(response)};</script></body></html>`;

describe('reading a YouTube transcript from the page', () => {
  let server: http.Server;
  let origin: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push(`${url.pathname}${url.search}`);
      if (url.pathname === '/watch') {
        response.end(watchPage(playerResponse(url.searchParams.get('v') ?? '', origin)));
      } else if (url.pathname === '/api/timedtext') {
        response.end(url.searchParams.get('v') === 'emptyTrack1' ? '' : youtubeCaptionBody(englishCues, 'json3'));
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fetches the watch page again when the page moved to another video without reloading', async () => {
    const stale = new JSDOM(watchPage(playerResponse('oldVideo001', origin)), { url: `${origin}/watch?v=newVideo001` });
    const transcript = await readYoutubeTranscript(stale.window.document, 'newVideo001', 'en-US');
    expect(requests).toContain('/watch?v=newVideo001');
    expect(requests.some((r) => r.startsWith('/api/timedtext?v=newVideo001') && r.endsWith('&fmt=json3'))).toBe(true);
    expect(transcript).toMatchObject({ title: 'Rainfall in Lisbon, explained {with braces}', language: 'en' });
    expect(transcript.cues[3]?.text).toBe('The Atlantic storms arrive with the westerlies.');
  });

  it('refuses a caption address on another origin', async () => {
    const page = new JSDOM(watchPage(playerResponse('elsewhere01', 'https://evil.example')), {
      url: `${origin}/watch?v=elsewhere01`,
    });
    await expect(readYoutubeTranscript(page.window.document, 'elsewhere01', 'en')).rejects.toMatchObject({
      code: 'video-captions-failed',
    });
  });

  it('reads the open transcript panel when the caption track comes back empty, and says so when it is not open', async () => {
    const panel =
      '<ytd-transcript-segment-renderer><div class="segment-timestamp">1:05</div><yt-formatted-string class="segment-text">Storms arrive.</yt-formatted-string></ytd-transcript-segment-renderer>';
    const url = `${origin}/watch?v=emptyTrack1`;
    const open = new JSDOM(watchPage(playerResponse('emptyTrack1', origin), panel), { url });
    expect((await readYoutubeTranscript(open.window.document, 'emptyTrack1', 'en')).cues).toEqual([
      { start: 65, text: 'Storms arrive.' },
    ]);
    const closed = new JSDOM(watchPage(playerResponse('emptyTrack1', origin)), { url });
    await expect(readYoutubeTranscript(closed.window.document, 'emptyTrack1', 'en')).rejects.toMatchObject({
      code: 'video-captions-failed',
    });
  });

  it('says a video without captions has none', async () => {
    const silent = youtubePlayerResponse(youtubeIds.silent);
    const page = new JSDOM(watchPage(silent), { url: `${origin}/watch?v=${youtubeIds.silent}` });
    await expect(readYoutubeTranscript(page.window.document, youtubeIds.silent, 'en')).rejects.toMatchObject({
      code: 'video-no-captions',
    });
  });
});
