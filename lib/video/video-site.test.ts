import { describe, expect, it } from 'vitest';
import { bilibiliVideoId, videoSiteOf, youtubeVideoId } from './video-site';

describe('video sites', () => {
  it('recognizes YouTube watch, shorts and live pages on YouTube’s hosts only', () => {
    expect(youtubeVideoId('https://www.youtube.com/watch?v=aSide-00001&list=x')).toBe('aSide-00001');
    expect(youtubeVideoId('https://m.youtube.com/shorts/aSide-00001')).toBe('aSide-00001');
    expect(youtubeVideoId('https://www.youtube.com/results?search_query=rain')).toBeNull();
    expect(youtubeVideoId('https://www.youtube.com.evil.example/watch?v=aSide-00001')).toBeNull();
    expect(youtubeVideoId('http://www.youtube.com/watch?v=aSide-00001')).toBeNull();
  });

  it('recognizes Bilibili BV and av pages with their part', () => {
    expect(bilibiliVideoId('https://www.bilibili.com/video/BV1Ak4y1z7Qm/?spm_id_from=333')).toEqual({
      id: 'BV1Ak4y1z7Qm',
      part: 1,
    });
    expect(bilibiliVideoId('https://www.bilibili.com/video/av170001?p=3')).toEqual({ id: 'av170001', part: 3 });
    expect(bilibiliVideoId('https://www.bilibili.com/bangumi/play/ep1')).toBeNull();
    expect(videoSiteOf('https://www.bilibili.com/video/BV1Ak4y1z7Qm')).toBe('bilibili');
    expect(videoSiteOf('https://example.com/video/BV1Ak4y1z7Qm')).toBeNull();
  });
});
