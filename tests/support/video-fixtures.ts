/**
 * Watch pages and caption files shaped like YouTube's and Bilibili's, for unit
 * tests (parsed directly) and E2E tests (served under the real host names by
 * tests/e2e/support/video-server.ts). Each reproduces the site's mechanism:
 *
 * - YouTube: the watch page assigns `var ytInitialPlayerResponse = {…};` in an
 *   inline script, followed by more code; its `captions.playerCaptionsTracklistRenderer`
 *   lists `captionTracks[]` (`baseUrl` on www.youtube.com/api/timedtext,
 *   `languageCode`, `kind: "asr"` for automatic ones) and `audioTracks[].defaultCaptionTrackIndex`.
 *   The track URL answers json3 (`events[{tStartMs, dDurationMs, segs[{utf8}]}]`)
 *   with `fmt=json3`, XML otherwise.
 * - Bilibili: the watch page assigns `window.__INITIAL_STATE__={…};(function(){…})()`
 *   with `videoData` (bvid, aid, cid, title, desc, owner, pages); the player API
 *   (api.bilibili.com/x/player/wbi/v2?aid&cid) lists `data.subtitle.subtitles[]`
 *   (`lan`, `lan_doc`, protocol-relative `subtitle_url` on aisubtitle.hdslb.com)
 *   only when the request carries the signed-in cookie `SESSDATA`; the subtitle
 *   file is `{body: [{from, to, content}]}` in seconds.
 */

export interface FixtureCue {
  readonly start: number;
  readonly duration: number;
  readonly text: string;
}

/** English captions of the YouTube video (automatic track). */
export const englishCues: readonly FixtureCue[] = [
  { start: 0, duration: 3.5, text: 'Welcome back to the channel.' },
  { start: 3.5, duration: 4, text: 'Today: why Lisbon gets most of its rain' },
  { start: 7.5, duration: 3, text: 'in November & December.' },
  { start: 65, duration: 4.2, text: 'The Atlantic storms arrive with the westerlies.' },
  { start: 69.2, duration: 5, text: 'They bring about 100 millimetres a month.' },
  { start: 312, duration: 4, text: 'Summers, by contrast, are almost dry.' },
  { start: 750, duration: 4, text: 'Thanks for watching.' },
];

/** The same video's Chinese captions (written by someone). */
export const chineseCues: readonly FixtureCue[] = [
  { start: 0, duration: 3.5, text: '欢迎回到频道。' },
  { start: 65, duration: 4.2, text: '大西洋风暴随西风而来。' },
  { start: 750, duration: 4, text: '感谢收看。' },
];

/** Subtitles of the Bilibili video (automatic Chinese). */
export const bilibiliCues: readonly FixtureCue[] = [
  { start: 0.5, duration: 2.7, text: '大家好，欢迎收看。' },
  { start: 3.2, duration: 3, text: '今天讲讲里斯本的雨季。' },
  { start: 72, duration: 4, text: '大西洋的风暴随西风而来，' },
  { start: 76, duration: 3, text: '十一月雨水最多。' },
  { start: 300, duration: 4, text: '下期再见。' },
];

export const youtubeIds = { captioned: 'aSide-00001', silent: 'aSide-00002' } as const;
export const bilibiliIds = {
  captioned: { bvid: 'BV1Ak4y1z7Qm', aid: 170001, cid: 280001 },
  silent: { bvid: 'BV1Bk4y1z7Qn', aid: 170002, cid: 280002 },
} as const;

const timedtext = (id: string, lang: string, asr: boolean) =>
  `https://www.youtube.com/api/timedtext?v=${id}&ei=fixture&caps=asr&opi=1&xoaf=5&hl=en&ip=0.0.0.0&sparams=ip,ipbits,expire&expire=1900000000&lang=${lang}${asr ? '&kind=asr' : ''}`;

/** YouTube's player response for a fixture video. */
export function youtubePlayerResponse(id: string): unknown {
  const captioned = id === youtubeIds.captioned;
  return {
    responseContext: { serviceTrackingParams: [{ service: 'GFEEDBACK', params: [{ key: 'e', value: '1' }] }] },
    playabilityStatus: { status: 'OK', playableInEmbed: true },
    ...(captioned
      ? {
          captions: {
            playerCaptionsTracklistRenderer: {
              captionTracks: [
                {
                  baseUrl: timedtext(id, 'en', true),
                  name: { simpleText: 'English (auto-generated)' },
                  vssId: 'a.en',
                  languageCode: 'en',
                  kind: 'asr',
                  isTranslatable: true,
                  trackName: '',
                },
                {
                  baseUrl: timedtext(id, 'zh-Hans', false),
                  name: { simpleText: 'Chinese (Simplified)' },
                  vssId: '.zh-Hans',
                  languageCode: 'zh-Hans',
                  isTranslatable: true,
                  trackName: '',
                },
              ],
              audioTracks: [{ captionTrackIndices: [0, 1], defaultCaptionTrackIndex: 0, visibility: 'UNKNOWN' }],
              translationLanguages: [{ languageCode: 'fr', languageName: { simpleText: 'French' } }],
            },
          },
        }
      : {}),
    videoDetails: {
      videoId: id,
      title: captioned ? 'Rainfall in Lisbon, explained {with braces}' : 'A silent timelapse',
      lengthSeconds: captioned ? '754' : '95',
      channelId: 'UCfixture',
      shortDescription: captioned
        ? 'Why it rains in Lisbon in November.\n"Quoted" and }braces{ stay text.'
        : 'Clouds over the Tagus, no words.',
      author: captioned ? 'Aside Weather' : 'Quiet Films',
      isCrawlable: true,
      viewCount: '1234',
    },
  };
}

/** A YouTube-like watch page: the player response in an inline script, plus page chrome that is not the video. */
export function youtubeWatchPage(id: string): string {
  const response = youtubePlayerResponse(id) as { videoDetails: { title: string } };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${response.videoDetails.title} - YouTube</title>
<link rel="canonical" href="https://www.youtube.com/watch?v=${id}">
<script nonce="fixture">var ytcfg={"INNERTUBE_API_KEY":"fixture"};</script>
</head><body>
<div id="player"><video></video></div>
<h1>${response.videoDetails.title}</h1>
<div id="comments"><p>Comment: first! This comment is page chrome, not the video.</p></div>
<script nonce="fixture">var ytInitialPlayerResponse = ${JSON.stringify(response)};var meta = document.createElement('meta'); meta.name = 'referrer'; if (window.ytplayer) { ytplayer.config = {args: {}}; }</script>
<script nonce="fixture">var ytInitialData = {"contents":{"twoColumnWatchNextResults":{}}};</script>
</body></html>`;
}

/** A caption track's body: json3 when asked with `fmt=json3`, else the classic XML. */
export function youtubeCaptionBody(cues: readonly FixtureCue[], format: 'json3' | 'xml'): string {
  if (format === 'json3') {
    return JSON.stringify({
      wireMagic: 'pb3',
      pens: [{}],
      events: [
        { tStartMs: 0, dDurationMs: 754000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
        ...cues.map((cue) => ({
          tStartMs: Math.round(cue.start * 1000),
          dDurationMs: Math.round(cue.duration * 1000),
          wWinId: 1,
          segs: cue.text.split(/(?<= )/).map((utf8, i) => ({ utf8, ...(i > 0 ? { tOffsetMs: i * 200 } : {}) })),
        })),
      ],
    });
  }
  const doubleEscape = (text: string) =>
    text.replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;').replace(/'/g, '&amp;#39;');
  return `<?xml version="1.0" encoding="utf-8" ?><transcript>${cues
    .map((cue) => `<text start="${cue.start}" dur="${cue.duration}">${doubleEscape(cue.text)}</text>`)
    .join('')}</transcript>`;
}

/** Bilibili's page state for a fixture video. */
export function bilibiliInitialState(bvid: string): unknown {
  const video = bvid === bilibiliIds.captioned.bvid ? bilibiliIds.captioned : bilibiliIds.silent;
  const captioned = video === bilibiliIds.captioned;
  const duration = captioned ? 318 : 61;
  return {
    aid: video.aid,
    bvid: video.bvid,
    p: 1,
    videoData: {
      bvid: video.bvid,
      aid: video.aid,
      videos: 1,
      tid: 201,
      title: captioned ? '里斯本的雨季' : '塔霍河延时摄影',
      pubdate: 1700000000,
      desc: captioned ? '为什么里斯本十一月多雨？' : '-',
      duration,
      owner: { mid: 9001, name: captioned ? '天气小站' : '安静影像', face: '' },
      cid: video.cid,
      pages: [{ cid: video.cid, page: 1, from: 'vupload', part: '正片', duration }],
      subtitle: { allow_submit: false, list: [] },
    },
    upData: { mid: '9001' },
  };
}

/** A Bilibili-like watch page: the page state in an inline script followed by more code. */
export function bilibiliWatchPage(bvid: string): string {
  const state = bilibiliInitialState(bvid) as { videoData: { title: string } };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${state.videoData.title}_哔哩哔哩_bilibili</title></head>
<body><div id="bilibili-player"><video></video></div>
<h1 class="video-title">${state.videoData.title}</h1>
<div class="reply-list"><p>评论：前排！这条评论不是视频内容。</p></div>
<script>window.__playinfo__={"code":0,"data":{"dash":{}}}</script>
<script>window.__INITIAL_STATE__=${JSON.stringify(state)};(function(){var s;(s=document.currentScript||document.scripts[document.scripts.length-1]).parentNode.removeChild(s);}());</script>
</body></html>`;
}

/** The player API's answer: subtitles only for a signed-in visitor, and only for the captioned video. */
export function bilibiliPlayerAnswer(aid: number, cid: number, signedIn: boolean): unknown {
  const captioned = aid === bilibiliIds.captioned.aid && cid === bilibiliIds.captioned.cid;
  const subtitles =
    signedIn && captioned
      ? [
          {
            id: 1042985852759993300,
            lan: 'ai-zh',
            lan_doc: '中文（自动生成）',
            is_lock: false,
            subtitle_url: `//aisubtitle.hdslb.com/bfs/ai_subtitle/prod/${aid}${cid}fixture?auth_key=1900000000-fixture-0-abc`,
            type: 1,
            id_str: '1042985852759993344',
            ai_type: 0,
            ai_status: 2,
          },
        ]
      : [];
  return {
    code: 0,
    message: '0',
    ttl: 1,
    data: { aid, cid, subtitle: { allow_submit: false, lan: '', lan_doc: '', subtitles }, view_points: [] },
  };
}

/** A Bilibili subtitle file. */
export function bilibiliSubtitleBody(cues: readonly FixtureCue[]): string {
  return JSON.stringify({
    font_size: 0.4,
    font_color: '#FFFFFF',
    background_alpha: 0.5,
    background_color: '#9C27B0',
    Stroke: 'none',
    type: 'AIsubtitle',
    lang: 'zh',
    version: 'v1.6.0.4',
    body: cues.map((cue, i) => ({
      from: cue.start,
      to: cue.start + cue.duration,
      sid: i + 1,
      location: 2,
      content: cue.text,
      music: 0,
    })),
  });
}
