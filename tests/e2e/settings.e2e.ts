import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAIServer, startOpenAIServer, text } from '../support/openai-server';
import { type AsideBrowser, launchAside, openExtensionPage, openSidePanel } from './support/extension';
import { ask } from './support/session';

/** The options page: providers, connection tests, onboarding, language. */
describe('settings', () => {
  let aside: AsideBrowser;
  let llm: OpenAIServer;
  beforeAll(async () => {
    llm = await startOpenAIServer({ apiKey: 'sk-right', models: ['alpha-chat', 'beta-reasoner'] });
    aside = await launchAside();
    aside.audit.allow(llm.origin);
  });
  afterAll(async () => {
    await aside?.close();
    await llm?.close();
  });

  it('configures a provider in the options page, tests the connection and chats with it', async () => {
    const options = await openExtensionPage(aside, 'options.html');
    await options.getByRole('button', { name: 'Add provider' }).click();
    const form = options.getByTestId('profile-form');
    await form.getByLabel('Provider', { exact: true }).selectOption('custom');
    await form.getByLabel('Name').fill('My server');
    await form.getByLabel('Base URL').fill(llm.url);
    await form.getByLabel('API key').fill('sk-wrong');
    await form.getByLabel('Model').fill('alpha-chat');

    await form.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByTestId('test-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('error');
    expect(await result.getByRole('alert').getAttribute('data-error-code')).toBe('auth');

    await form.getByLabel('API key').fill('sk-right');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('data-status')).toBe('ok');
    expect(await result.innerText()).toContain('2 models');
    expect(await result.innerText()).toContain('beta-reasoner');
    const listed = llm.requests.filter((r) => r.path === '/v1/models').at(-1);
    expect(listed?.headers.authorization).toBe('Bearer sk-right');

    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByTestId('profile-row').count()).toBe(1);
    await expect.poll(() => options.getByTestId('profile-row').innerText()).toContain('key saved');
    // The key is in the background's storage only; the page shows no trace of it.
    // Polled: the form, whose input still holds the typed key, closes just after the row updates.
    await expect.poll(() => options.content()).not.toContain('sk-right');

    // The new profile is used by the side panel, with its key.
    const panel = await openSidePanel(aside);
    const tab = await aside.context.newPage();
    await tab.goto('about:blank');
    await tab.bringToFront();
    await panel.getByRole('checkbox').uncheck();
    llm.enqueue(text('Hi from alpha.'));
    await ask(panel, 'Say hi');
    await expect.poll(() => panel.getByTestId('assistant-message').last().innerText()).toContain('Hi from alpha.');
    const chat = llm.requests.filter((r) => r.path === '/v1/chat/completions').at(-1);
    expect(chat?.headers.authorization).toBe('Bearer sk-right');
    expect((chat?.body as { model?: string } | undefined)?.model).toBe('alpha-chat');
    await tab.close();
  });

  it('switches the whole UI to Chinese', async () => {
    const options = await openExtensionPage(aside, 'options.html');
    await options.getByLabel('Interface language').selectOption('zh-CN');
    await expect.poll(() => options.locator('h1').innerText()).toBe('Aside 设置');
    const panel = await openSidePanel(aside);
    await expect.poll(() => panel.getByRole('button', { name: '发送' }).count()).toBe(1);
    expect(await panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    // …and back, live, without reloading the panel.
    const again = await openExtensionPage(aside, 'options.html');
    await again.getByLabel('界面语言').selectOption('en');
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).count()).toBe(1);
  });
});

describe('first run', () => {
  it('finds a local Ollama, rewrites the extension Origin it would refuse, and offers its models', async () => {
    // A server on Ollama's port that refuses foreign Origins, as Ollama does.
    const ollama = await startOpenAIServer({
      port: 11434,
      requireLocalOrigin: true,
      models: ['qwen2.5:7b', 'llama3.2:3b'],
    });
    const aside = await launchAside();
    try {
      const options = await openExtensionPage(aside, 'options.html');
      const onboarding = options.getByTestId('onboarding');
      await onboarding.getByRole('button', { name: 'Use Ollama' }).click();
      await expect.poll(() => options.getByTestId('profile-row').count()).toBe(1);
      const row = await options.getByTestId('profile-row').innerText();
      expect(row).toContain('Ollama');
      expect(row).toContain('llama3.2:3b');
      const origins = ollama.requests.map((r) => r.headers.origin);
      expect(origins.length).toBeGreaterThan(0);
      for (const origin of origins) expect(origin === undefined || origin.startsWith('http://127.0.0.1')).toBe(true);

      // Chatting works through the same rule.
      const panel = await openSidePanel(aside);
      await panel.getByRole('checkbox').uncheck();
      ollama.enqueue(text('Local hello.'));
      await ask(panel, 'Hello local model');
      await expect.poll(() => panel.getByTestId('assistant-message').last().innerText()).toContain('Local hello.');
    } finally {
      await aside.close();
      await ollama.close();
    }
  });

  it('explains how to set OLLAMA_ORIGINS when a local server still refuses the extension', async () => {
    const refusing = await startOpenAIServer({ refuseAllOrigins: true });
    const aside = await launchAside();
    aside.audit.allow(refusing.origin);
    try {
      const options = await openExtensionPage(aside, 'options.html');
      await options.getByRole('button', { name: 'Add provider' }).click();
      const form = options.getByTestId('profile-form');
      await form.getByLabel('Provider', { exact: true }).selectOption('ollama');
      await form.getByLabel('Base URL').fill(refusing.url);
      await form.getByRole('button', { name: 'Test connection' }).click();
      const alert = options.getByTestId('test-result').getByRole('alert');
      await expect.poll(() => alert.getAttribute('data-error-code')).toBe('local-origin-refused');
      expect(await alert.innerText()).toContain('OLLAMA_ORIGINS');
    } finally {
      await aside.close();
      await refusing.close();
    }
  });
});
