import { describe, expect, it } from 'vitest';
import { englishCues, youtubeCaptionBody, youtubeIds, youtubeWatchPage } from '../../tests/support/video-fixtures';
import { jsonAssignedTo } from './embedded-json';
import { parseCaptionXml, parseJson3, parseYoutubeCaptions } from './youtube-captions';
import { youtubeVideoFrom } from './youtube-player-response';

describe('YouTube watch page and captions', () => {
  it('reads the player response out of the watch page, braces in strings and code after it included', () => {
    const video = youtubeVideoFrom(jsonAssignedTo(youtubeWatchPage(youtubeIds.captioned), 'ytInitialPlayerResponse'));
    expect(video).toMatchObject({
      videoId: youtubeIds.captioned,
      title: 'Rainfall in Lisbon, explained {with braces}',
      channel: 'Aside Weather',
      durationSec: 754,
      defaultTrack: 0,
    });
    expect(video?.description).toContain('}braces{');
    expect(video?.tracks.map((t) => [t.language, t.automatic, t.name])).toEqual([
      ['en', true, 'English (auto-generated)'],
      ['zh-Hans', false, 'Chinese (Simplified)'],
    ]);
    expect(video?.tracks[0]?.baseUrl).toMatch(/^https:\/\/www\.youtube\.com\/api\/timedtext\?/);
  });

  it('finds a video without captions, and nothing in a page without a player response', () => {
    const silent = youtubeVideoFrom(jsonAssignedTo(youtubeWatchPage(youtubeIds.silent), 'ytInitialPlayerResponse'));
    expect(silent?.tracks).toEqual([]);
    expect(jsonAssignedTo('<p>ytInitialPlayerResponse is mentioned</p>', 'ytInitialPlayerResponse')).toBeNull();
    expect(jsonAssignedTo('var ytInitialPlayerResponse = {"a": [1, 2', 'ytInitialPlayerResponse')).toBeNull();
  });

  it('parses json3 events, joining their segments and skipping events without text', () => {
    const cues = parseJson3(youtubeCaptionBody(englishCues, 'json3'));
    expect(cues?.length).toBe(englishCues.length);
    expect(cues?.[3]).toEqual({ start: 65, end: 69.2, text: 'The Atlantic storms arrive with the westerlies.' });
    expect(parseJson3('{"events": "no"}')).toBeNull();
  });

  it('parses the classic XML (double-escaped entities) and format 3 with words in <s>', () => {
    const classic = parseCaptionXml(youtubeCaptionBody(englishCues, 'xml'));
    expect(classic?.[2]).toEqual({ start: 7.5, end: 10.5, text: 'in November & December.' });
    const srv3 = parseCaptionXml(
      '<timedtext format="3"><body><p t="65000" d="4200"><s>The</s><s t="300"> storms&#39;</s></p><p t="1" d="1"></p></body></timedtext>',
    );
    expect(srv3).toEqual([{ start: 65, end: 69.2, text: "The storms'" }]);
    expect(parseYoutubeCaptions('<transcript></transcript>')).toEqual([]);
    expect(parseYoutubeCaptions('')).toBeNull();
  });
});
