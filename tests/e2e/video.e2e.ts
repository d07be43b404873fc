import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { bilibiliIds, youtubeIds } from '../support/video-fixtures';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';
import { startVideoServer, type VideoServer, videoHosts } from './support/video-server';

/**
 * Video transcripts: on YouTube-like and Bilibili-like watch pages, served
 * under the real host names (www.youtube.com, www.bilibili.com,
 * api.bilibili.com, aisubtitle.hdslb.com) by a local HTTPS fixture server,
 * the page context is the transcript with its times; answers link the times
 * into the video; a video without captions says so and sends nothing.
 */
describe('video transcripts', { timeout: 90_000 }, () => {
  let s: Session;
  let video: VideoServer;
  beforeAll(async () => {
    video = await startVideoServer();
    s = await startSession({ fixtureHosts: { hosts: videoHosts, port: video.port } });
    for (const host of videoHosts) s.aside.audit.allow(`https://${host}`);
  });
  afterAll(async () => {
    await s?.close();
    await video?.close();
  });
  beforeEach(() => newChat(s.panel));

  const status = () => s.panel.getByTestId('context-status').innerText();
  const answer = () => s.panel.getByTestId('assistant-message').last();
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions').length;
  const youtubeUrl = (id: string) => `https://www.youtube.com/watch?v=${id}`;
  const bilibiliUrl = (bvid: string) => `https://www.bilibili.com/video/${bvid}/`;

  it('sends a YouTube video’s transcript with times and links the answer’s times to &t=…s', async () => {
    await s.show(youtubeUrl(youtubeIds.captioned));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Transcript, 12:34 · about \d+ tokens$/);
    const captionFetches = () => video.requests.filter((r) => r.path.startsWith('/api/timedtext')).length;
    const previewed = captionFetches();
    expect(previewed).toBeGreaterThan(0);
    s.llm.enqueue(text('The storms arrive at [01:05]; the video ends at [12:30]. At [99:00] nothing.'));
    await ask(s.panel, 'When do the storms arrive?');
    await expect.poll(() => answer().innerText()).toContain('the video ends');
    // The question went with the transcript the context bar had read: the captions were not fetched again.
    expect(captionFetches()).toBe(previewed);
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/kind="video transcript" title="Rainfall in Lisbon, explained \{with braces\}"/);
    expect(sent).toContain('Channel: Aside Weather · Length: 12:34 · Captions: English (auto-generated) (automatic)');
    expect(sent).toContain('Why it rains in Lisbon in November.');
    expect(sent).toContain(
      '[00:00] Welcome back to the channel. Today: why Lisbon gets most of its rain in November & December.',
    );
    expect(sent).toContain('[01:05] The Atlantic storms arrive with the westerlies. They bring about 100 millimetres');
    expect(sent).not.toContain('page chrome');
    // The user's language (English) was chosen among the tracks, asked for as json3 from the page's own origin.
    const captions = video.requests.filter((r) => r.path.startsWith('/api/timedtext'));
    expect(captions.at(-1)?.path).toMatch(/[?&]lang=en&kind=asr&fmt=json3$/);

    const links = answer().locator('.timestamp');
    await expect.poll(() => links.count()).toBe(2);
    expect(await links.nth(0).getAttribute('data-href')).toBe(`${youtubeUrl(youtubeIds.captioned)}&t=65s`);
    expect(await links.nth(1).getAttribute('data-href')).toBe(`${youtubeUrl(youtubeIds.captioned)}&t=750s`);
    // A click opens the video at that moment.
    const opened = s.aside.context.waitForEvent('page');
    await links.nth(0).click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(`${youtubeUrl(youtubeIds.captioned)}&t=65s`);
    await tab.close();
  });

  it('summarizes a Bilibili video from its subtitles, fetched with the page’s cookies, with ?t=… links', async () => {
    await s.show(bilibiliUrl(bilibiliIds.captioned.bvid));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Transcript, 05:18 · about \d+ tokens$/);
    s.llm.enqueue(text('开场 [00:00]；风暴 [01:12] 到来。'));
    await s.panel.getByTestId('suggestions').getByRole('button', { name: 'Summarize this page' }).click();
    await expect.poll(() => answer().innerText()).toContain('风暴');
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/kind="video transcript" title="里斯本的雨季"/);
    expect(sent).toContain('Channel: 天气小站 · Length: 05:18 · Captions: 中文（自动生成） (automatic)');
    expect(sent).toContain('[00:00] 大家好，欢迎收看。今天讲讲里斯本的雨季。');
    expect(sent).toContain('[01:12] 大西洋的风暴随西风而来，十一月雨水最多。');
    expect(sent).not.toContain('前排');
    // The player API was asked as the player asks it: from the watch page's origin, with its sign-in cookie.
    const api = video.requests.filter((r) => r.host === 'api.bilibili.com').at(-1);
    expect(api?.path).toBe(`/x/player/wbi/v2?aid=${bilibiliIds.captioned.aid}&cid=${bilibiliIds.captioned.cid}`);
    expect(api?.cookie).toContain('SESSDATA=fixture-session');
    expect(api?.origin).toBe('https://www.bilibili.com');

    const links = answer().locator('.timestamp');
    await expect.poll(() => links.count()).toBe(2);
    expect(await links.nth(1).getAttribute('data-href')).toBe(`${bilibiliUrl(bilibiliIds.captioned.bvid)}?t=72`);

    // The composer's ⋯ "Summarize" action sends the same transcript, and its answer's times link the same way.
    s.llm.enqueue(text('摘要：风暴 [01:12] 到来。'));
    await s.panel.getByRole('button', { name: 'Actions on the page or selection' }).click();
    await s.panel
      .getByTestId('panel-actions')
      .getByRole('menuitem', { name: /Summarize/ })
      .click();
    await expect.poll(() => answer().innerText()).toContain('摘要');
    expect(lastPrompt(s.llm)).toContain('[01:12] 大西洋的风暴随西风而来，十一月雨水最多。');
    const actionLinks = answer().locator('.timestamp');
    await expect.poll(() => actionLinks.count()).toBe(1);
    expect(await actionLinks.nth(0).getAttribute('data-href')).toBe(`${bilibiliUrl(bilibiliIds.captioned.bvid)}?t=72`);
  });

  it('saves a transcript to the library, and a citation opens the video at the passage’s time', async () => {
    await s.show(bilibiliUrl(bilibiliIds.captioned.bvid));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect
      .poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('saved');
    const item = s.panel.getByTestId('library-item').filter({ hasText: '里斯本的雨季' });
    await expect.poll(() => item.innerText()).toContain('Transcript, 05:18');

    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await newChat(s.panel);
    await s.panel.getByText('My library', { exact: true }).click();
    await expect
      .poll(() => s.panel.locator('.library-bar').getByTestId('indexing-status').innerText(), { timeout: 30_000 })
      .toContain('1 page indexed');
    s.llm.enqueue(text('风暴随西风而来 [1]。'));
    await ask(s.panel, '大西洋的风暴随西风而来？');
    await expect.poll(() => answer().getAttribute('data-status')).toBe('complete');
    expect(lastPrompt(s.llm)).toContain('[01:12] 大西洋的风暴随西风而来');
    const citation = answer().locator('.citation').first();
    expect(await citation.getAttribute('data-href')).toBe(`${bilibiliUrl(bilibiliIds.captioned.bvid)}?t=72`);
    await s.panel.getByText('This page', { exact: true }).click();
  });

  it('says a video has no captions and sends nothing, on YouTube and on Bilibili', async () => {
    await s.show(youtubeUrl(youtubeIds.silent));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/This video has no captions/);
    const before = chatRequests();
    await ask(s.panel, 'What is said in this video?');
    const alert = answer().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toBe('video-no-captions');
    expect(await alert.innerText()).toMatch(/has no captions, so Aside has nothing to read/);
    expect(chatRequests()).toBe(before);

    await s.show(bilibiliUrl(bilibiliIds.silent.bvid));
    await expect.poll(status, { timeout: 30_000 }).toMatch(/This video has no captions/);
  });
});
