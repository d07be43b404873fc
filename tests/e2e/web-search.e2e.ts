import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text, toolCalls } from '../support/openai-server';
import { articleSnippet, articles } from '../support/search-fixtures/articles';
import { type SearchEngineServer, startSearchEngineServer } from '../support/search-fixtures/search-engine-server';
import { agentRequests, enableAgentMode, giveGoal, toolResults } from './support/agent';
import { readSetting, writeSetting } from './support/aside-db';
import { openExtensionPage } from './support/extension';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * Web search from the side panel, against a local engine speaking each
 * engine's documented format and local result pages: engine and key set in
 * the options page, consent once per engine host, the numbered excerpts the
 * provider receives, citations opening the source at the passage, and each
 * failure's message.
 */
describe('web search', () => {
  let s: Session;
  let engine: SearchEngineServer;
  let options: Page;
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions').length;
  const engineRequests = () => engine.requests.filter((r) => !r.target.startsWith('page:'));
  const answer = () => s.panel.getByTestId('assistant-message').last();
  const settled = () => expect.poll(() => answer().getAttribute('data-status')).not.toBe('streaming');
  const webSection = () => options.locator('section', { has: options.getByRole('heading', { name: 'Web search' }) });

  /** Picks an engine in the options page, as a person does, with its address pointing at the local fixture. */
  const chooseEngine = async (name: string, endpoint: string) => {
    await webSection().getByLabel('Search engine', { exact: true }).selectOption({ label: name });
    const address = webSection().getByLabel('Address');
    await address.fill(endpoint);
    await address.blur();
  };

  beforeAll(async () => {
    s = await startSession();
    engine = await startSearchEngineServer();
    // The engine (and its result pages) may be reached in this test only.
    s.aside.audit.allow(engine.origin);
    options = await openExtensionPage(s.aside, 'options.html');
    await chooseEngine('SearXNG', engine.origin.concat('/searxng'));
    await s.panel.getByText('Web', { exact: true }).click();
  });
  afterAll(async () => {
    await s?.close();
    await engine?.close();
  });

  it('asks once before the first search, showing the host; declining sends nothing', async () => {
    await expect.poll(() => s.panel.getByTestId('web-bar').innerText()).toContain(new URL(engine.origin).host);
    await ask(s.panel, 'When did the Loxley Bridge open?');
    const consent = s.panel.getByTestId('web-consent');
    await expect.poll(() => consent.innerText()).toContain(new URL(engine.origin).host);
    await consent.getByRole('button', { name: 'Don’t search' }).click();
    await expect.poll(() => s.panel.getByText('Web search was not allowed, so nothing was sent.').count()).toBe(1);
    expect(engineRequests()).toHaveLength(0);
    expect(chatRequests()).toBe(0);
  });

  it('answers from the result pages with numbered excerpts, citing them at the passage', async () => {
    s.llm.enqueue(text('The Loxley Bridge opened on 14 May 1932 [1].'));
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await s.panel.getByTestId('web-consent').getByRole('button', { name: 'Allow web search' }).click();
    await settled();
    expect(await answer().getAttribute('data-status')).toBe('complete');

    const searches = engineRequests();
    expect(searches.map((r) => [r.target, r.query])).toEqual([['searxng', 'When did the Loxley Bridge open?']]);
    expect(searches[0]?.headers.cookie).toBeUndefined();
    // The five result pages were read (the default), in parallel.
    const read = engine.requests.filter((r) => r.target.startsWith('page:'));
    expect(read).toHaveLength(5);

    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '), prompt.indexOf('[2] ') > 0 ? prompt.indexOf('[2] ') : undefined);
    expect(first).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="web search result"/);
    expect(first).toContain(engine.pageUrl('loxley-history'));
    expect(first).toContain('14 May 1932');
    expect(prompt).toContain('Question: When did the Loxley Bridge open?');

    const citation = answer().locator('.citation').first();
    const href = (await citation.getAttribute('data-href')) ?? '';
    expect(href.startsWith(`${engine.pageUrl('loxley-history')}#:~:text=`)).toBe(true);
    expect(await answer().getByTestId('source').count()).toBeGreaterThan(0);
  });

  it('asks the web once with @web while the panel is on the page', async () => {
    await newChat(s.panel);
    await s.panel.getByText('This page', { exact: true }).click();
    const before = engineRequests().length;
    s.llm.enqueue(text('Its main span is 412 metres long [1].'));
    await ask(s.panel, '@web How long is the main span of the Loxley Bridge?');
    await settled();
    expect(
      engineRequests()
        .slice(before)
        .map((r) => r.query),
    ).toEqual(['How long is the main span of the Loxley Bridge?']);
    expect(lastPrompt(s.llm)).toContain('kind="web search result"');
    await s.panel.getByText('Web', { exact: true }).click();
  });

  it('lists result pages that time out or are not web pages, and answers from the rest', async () => {
    await newChat(s.panel);
    await webSection().getByLabel('Time to read them').fill('2');
    engine.setHits([
      { title: 'Loxley history', url: engine.pageUrl('loxley-history'), snippet: 'The bridge opened in 1932.' },
      { title: 'A slow page', url: engine.pageUrl('slow'), snippet: 'Slow.' },
      { title: 'The annual report', url: engine.pageUrl('report.pdf'), snippet: 'A PDF.' },
      { title: 'Gone', url: engine.pageUrl('missing'), snippet: 'Missing.' },
      { title: 'Moved away', url: engine.pageUrl('moved'), snippet: 'Redirects to another host.' },
    ]);
    s.llm.enqueue(text('It opened in 1932 [1].'));
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    const skipped = answer().getByTestId('skipped-page');
    await expect.poll(() => skipped.count()).toBe(4);
    const reasons = await skipped.evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')).sort());
    expect(reasons).toEqual(['elsewhere', 'http', 'not-html', 'timeout']);
    await answer().getByText('Not read (4)').click();
    await expect.poll(() => answer().getByTestId('skipped-pages').innerText()).toContain('took too long');
    expect(lastPrompt(s.llm)).toContain('14 May 1932');
    expect(lastPrompt(s.llm)).not.toContain('%PDF');
    engine.setHits(articles.map((a) => ({ title: a.title, url: engine.pageUrl(a.slug), snippet: articleSnippet(a) })));
  });

  it('says when the search found nothing, without asking the model', async () => {
    await newChat(s.panel);
    engine.setMode('searxng', 'empty');
    const before = chatRequests();
    await ask(s.panel, 'Who painted the Loxley Bridge blue?');
    await expect.poll(() => s.panel.getByTestId('no-web-results').count()).toBe(1);
    expect(chatRequests()).toBe(before);
  });

  it('names the engine when it is down', async () => {
    await newChat(s.panel);
    engine.setMode('searxng', 'down');
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    await expect
      .poll(() => answer().getByRole('alert').innerText())
      .toContain('Could not reach SearXNG. Check its address in settings → Web search');
    engine.setMode('searxng', 'ok');
  });

  it('names the engine when it rejects the key, and waits out its rate limit with a countdown', async () => {
    await chooseEngine('Brave Search', engine.endpoint('brave'));
    // The key is bound to the address stored for the engine: it must be stored first.
    await expect
      .poll(
        async () => ((await readSetting(s.aside, 'webSearch')) as { endpoints?: { brave?: string } })?.endpoints?.brave,
      )
      .toBe(engine.endpoint('brave'));
    const key = webSection().getByLabel('API key');
    await key.fill('not-the-key');
    await webSection().getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => webSection().getByText(`A key is saved for ${engine.origin}.`).count()).toBe(1);
    await newChat(s.panel);
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    await expect
      .poll(() => answer().getByRole('alert').innerText())
      .toContain('Brave Search rejected the API key. Check the key in settings → Web search.');

    await key.fill(engine.key('brave'));
    await webSection().getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => webSection().getByText('Key saved.').count()).toBe(1);
    engine.setMode('brave', 'rate-limit-once');
    await newChat(s.panel);
    s.llm.enqueue(text('It opened on 14 May 1932 [1].'));
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await expect
      .poll(() => answer().getByTestId('retry-reason').innerText())
      .toContain('Brave Search is limiting how often you can search');
    await settled();
    expect(await answer().getAttribute('data-status')).toBe('complete');
    const brave = engine.requests.filter((r) => r.target === 'brave');
    expect(brave.at(-1)?.headers['x-subscription-token']).toBe(engine.key('brave'));
    expect(lastPrompt(s.llm)).toContain('kind="web search result"');
  });

  it('lets an agent search with web_search and read a result with fetch_url, each with consent', async () => {
    const page = engine.pageUrl('loxley-history');
    s.llm.enqueue(
      toolCalls([{ name: 'web_search', arguments: JSON.stringify({ query: 'loxley bridge opening' }) }]),
      toolCalls([{ name: 'fetch_url', arguments: JSON.stringify({ url: page }) }]),
      text('It opened on 14 May 1932.'),
    );
    await enableAgentMode(s.panel);
    const before = engine.requests.length;
    await giveGoal(s.panel, 'Find when the Loxley Bridge opened');
    const consent = s.panel.getByTestId('agent-consent');
    await expect.poll(() => consent.getByTestId('consent-target').innerText()).toContain(engine.endpoint('brave'));
    expect(await consent.getByTestId('consent-tool').innerText()).toBe('Search the web');
    // Nothing leaves before the user allows it.
    expect(engine.requests.length).toBe(before);
    await consent.getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => consent.getByTestId('consent-target').innerText()).toBe(page);
    await consent.getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => s.panel.getByTestId('agent-final').innerText()).toContain('14 May 1932');
    expect(engine.requests.slice(before).map((r) => [r.target, r.query])).toEqual([
      ['brave', 'loxley bridge opening'],
      ['page:loxley-history', undefined],
    ]);
    const [searched, fetched] = toolResults(agentRequests(s.llm).at(-1)).slice(-2);
    expect(searched).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="web_search result"/);
    expect(searched).toContain(page);
    expect(fetched).toContain('14 May 1932');
  });

  it('without a key, reads a results page in a background tab, closes it, and answers from its results', async () => {
    const agent = s.panel.getByRole('button', { name: 'Agent' });
    if ((await agent.getAttribute('aria-pressed')) === 'true') await agent.click();
    await webSection()
      .getByLabel('Search engine', { exact: true })
      .selectOption({ label: 'No key: a search site in a background tab' });
    await webSection().getByLabel('Search site').selectOption({ label: 'DuckDuckGo' });
    const template = engine.resultsTemplate('duckduckgo');
    const resultsPage = webSection().getByLabel('Results page');
    await resultsPage.fill(template);
    await resultsPage.blur();
    await expect
      .poll(
        async () =>
          ((await readSetting(s.aside, 'webSearch')) as { browserUrls?: { duckduckgo?: string } })?.browserUrls
            ?.duckduckgo,
      )
      .toBe(template);
    await newChat(s.panel);
    const tabs = s.aside.context.pages().length;
    s.llm.enqueue(text('It opened on 14 May 1932 [1].'));
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    expect(await answer().getAttribute('data-status')).toBe('complete');
    expect(engine.requests.filter((r) => r.target === 'results:duckduckgo').map((r) => r.query)).toEqual([
      'When did the Loxley Bridge open?',
    ]);
    expect(lastPrompt(s.llm)).toContain(engine.pageUrl('loxley-history'));
    expect(lastPrompt(s.llm)).toContain('14 May 1932');
    // The background tab is gone.
    await expect.poll(() => s.aside.context.pages().length).toBe(tabs);

    engine.setMode('duckduckgo', 'robot-check');
    await newChat(s.panel);
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    await expect
      .poll(() => answer().getByRole('alert').innerText())
      .toContain('DuckDuckGo showed a page that is not search results');
    await expect.poll(() => s.aside.context.pages().length).toBe(tabs);
  });

  it.each([
    ['SearXNG', 'searxng'],
    ['Brave Search', 'brave'],
    ['Tavily', 'tavily'],
    ['Google Programmable Search', 'google'],
    ['Bocha (博查)', 'bocha'],
    ['Zhipu Web Search (智谱)', 'zhipu'],
  ] as const)('%s: the extension speaks its documented format', async (name, id) => {
    await chooseEngine(name, engine.endpoint(id));
    await expect
      .poll(
        async () =>
          ((await readSetting(s.aside, 'webSearch')) as { endpoints?: Record<string, string> })?.endpoints?.[id],
      )
      .toBe(engine.endpoint(id));
    if (id === 'google') {
      const cx = webSection().getByLabel('Search engine id (cx)');
      await cx.fill('fixture-cx');
      await cx.blur();
    }
    if (id !== 'searxng') {
      await webSection().getByLabel('API key').fill(engine.key(id));
      await webSection().getByRole('button', { name: 'Save key' }).click();
      await expect.poll(() => webSection().getByText('Key saved.').count()).toBe(1);
    }
    await newChat(s.panel);
    const before = engine.requests.length;
    s.llm.enqueue(text('It opened on 14 May 1932 [1].'));
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    expect(await answer().getAttribute('data-status')).toBe('complete');
    // The fixture answers only its engine's documented request, and only with its documented body.
    expect(
      engine.requests
        .slice(before)
        .filter((r) => !r.target.startsWith('page:'))
        .map((r) => [r.target, r.query]),
    ).toEqual([[id, 'When did the Loxley Bridge open?']]);
    expect(lastPrompt(s.llm)).toContain(engine.pageUrl('loxley-history'));
  });

  it('with query rewriting on, searches for the model’s queries and merges their results', async () => {
    await webSection().getByLabel('Let the model turn my question into search queries first').check();
    await expect
      .poll(async () => ((await readSetting(s.aside, 'webSearch')) as { rewriteQueries?: boolean })?.rewriteQueries)
      .toBe(true);
    await newChat(s.panel);
    const before = engine.requests.length;
    const chatsBefore = chatRequests();
    s.llm.enqueue(
      text('1. loxley bridge opening date\n2. Loxley Bridge history'),
      text('It opened on 14 May 1932 [1].'),
    );
    await ask(s.panel, 'When did the Loxley Bridge open?');
    await settled();
    expect(await answer().getAttribute('data-status')).toBe('complete');
    const sent = engine.requests.slice(before);
    expect(
      sent
        .filter((r) => !r.target.startsWith('page:'))
        .map((r) => r.query)
        .sort(),
    ).toEqual(['Loxley Bridge history', 'loxley bridge opening date']);
    // Both queries list the same pages: each is read once.
    expect(sent.filter((r) => r.target.startsWith('page:'))).toHaveLength(5);
    expect(chatRequests()).toBe(chatsBefore + 2);
    const rewriteRequest = s.llm.requests.filter((r) => r.path === '/v1/chat/completions').at(-2);
    expect(JSON.stringify(rewriteRequest?.body)).toContain('web search queries');
    expect(lastPrompt(s.llm)).toContain('14 May 1932');
  });
});

/** The web search's messages in Simplified Chinese, with the interface in Chinese. */
describe('web search in Simplified Chinese', () => {
  let s: Session;
  let engine: SearchEngineServer;
  beforeAll(async () => {
    s = await startSession();
    engine = await startSearchEngineServer();
    s.aside.audit.allow(engine.origin);
    await writeSetting(s.aside, 'webSearch', { engine: 'searxng', endpoints: { searxng: engine.endpoint('searxng') } });
  });
  afterAll(async () => {
    await s?.close();
    await engine?.close();
  });

  it('asks in Chinese, says when nothing was found, and names the engine that is down', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Interface language').selectOption('zh-CN');
    await expect.poll(() => s.panel.getByRole('button', { name: '发送' }).count()).toBe(1);
    await options.close();
    await s.panel.getByText('网络', { exact: true }).click();
    engine.setMode('searxng', 'empty');
    await ask(s.panel, '洛克斯利桥是哪一年通车的？');
    const consent = s.panel.getByTestId('web-consent');
    await expect.poll(() => consent.innerText()).toContain(`你的问题会发送到 ${new URL(engine.origin).host}`);
    await consent.getByRole('button', { name: '允许网络搜索' }).click();
    await expect.poll(() => s.panel.getByTestId('no-web-results').innerText()).toContain('网络搜索没有找到相关内容');
    engine.setMode('searxng', 'down');
    await newChat(s.panel);
    await ask(s.panel, '洛克斯利桥是哪一年通车的？');
    await expect
      .poll(() => s.panel.getByTestId('assistant-message').last().getByRole('alert').innerText())
      .toContain('无法连接到 SearXNG');
  });
});
