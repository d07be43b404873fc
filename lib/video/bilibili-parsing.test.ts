import { describe, expect, it } from 'vitest';
import {
  bilibiliCues,
  bilibiliIds,
  bilibiliPlayerAnswer,
  bilibiliSubtitleBody,
  bilibiliWatchPage,
} from '../../tests/support/video-fixtures';
import { bilibiliTracksFrom, bilibiliVideoFrom, parseBilibiliSubtitle } from './bilibili-data';
import { jsonAssignedTo } from './embedded-json';

const { captioned, silent } = bilibiliIds;

describe('Bilibili page state, player API and subtitles', () => {
  it('reads the video from __INITIAL_STATE__ followed by code', () => {
    const state = jsonAssignedTo(bilibiliWatchPage(captioned.bvid), '__INITIAL_STATE__');
    expect(bilibiliVideoFrom(state, 1)).toEqual({
      bvid: captioned.bvid,
      aid: captioned.aid,
      cid: captioned.cid,
      title: '里斯本的雨季',
      channel: '天气小站',
      description: '为什么里斯本十一月多雨？',
      durationSec: 318,
    });
    // Bilibili writes "-" for an empty description.
    const quiet = jsonAssignedTo(bilibiliWatchPage(silent.bvid), '__INITIAL_STATE__');
    expect(bilibiliVideoFrom(quiet, 1)?.description).toBeNull();
  });

  it('takes the part’s cid on a video with several parts', () => {
    const state = {
      videoData: {
        bvid: 'BV1Ak4y1z7Qm',
        aid: 1,
        cid: 10,
        title: 'Course',
        pages: [
          { cid: 10, page: 1, part: 'Intro', duration: 60 },
          { cid: 20, page: 2, part: 'Rain', duration: 90 },
        ],
      },
    };
    expect(bilibiliVideoFrom(state, 2)).toMatchObject({ cid: 20, title: 'Course (Rain)', durationSec: 90 });
  });

  it('lists subtitle tracks for a signed-in visitor and none for a visitor', () => {
    const tracks = bilibiliTracksFrom(bilibiliPlayerAnswer(captioned.aid, captioned.cid, true));
    expect(tracks).toEqual([
      {
        url: expect.stringMatching(/^\/\/aisubtitle\.hdslb\.com\/bfs\/ai_subtitle\//),
        language: 'ai-zh',
        automatic: true,
        name: '中文（自动生成）',
      },
    ]);
    expect(bilibiliTracksFrom(bilibiliPlayerAnswer(captioned.aid, captioned.cid, false))).toEqual([]);
    expect(bilibiliTracksFrom({ code: -400, message: 'bad' })).toBeNull();
  });

  it('parses a subtitle file’s body', () => {
    const cues = parseBilibiliSubtitle(bilibiliSubtitleBody(bilibiliCues));
    expect(cues?.[2]).toEqual({ start: 72, end: 76, text: '大西洋的风暴随西风而来，' });
    expect(parseBilibiliSubtitle('{"body": [{"from": "x"}]}')).toBeNull();
  });
});
