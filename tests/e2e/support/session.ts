import type { Page } from 'playwright-core';
import { type OpenAIServer, startOpenAIServer } from '../../support/openai-server';
import { type AsideBrowser, type LaunchOptions, launchAside, openExtensionPage, openSidePanel } from './extension';
import { type PageServer, startPageServer } from './page-server';
import { addProfile } from './provider';

/** Everything an E2E test of the side panel needs, started together and closed together. */
export interface Session {
  readonly aside: AsideBrowser;
  readonly llm: OpenAIServer;
  readonly pages: PageServer;
  readonly panel: Page;
  /** A normal tab in the panel's window; `show(url)` navigates it and makes it the active tab. */
  readonly tab: Page;
  show(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Skip creating a provider profile (for onboarding and no-provider tests). */
  readonly withoutProfile?: boolean;
  readonly apiKey?: string;
  readonly locale?: string;
  /** Benchmarks only: see LaunchOptions.unaudited. */
  readonly unaudited?: boolean;
  /** See LaunchOptions.profileParent. */
  readonly profileParent?: string;
  /** See LaunchOptions.webgpu. */
  readonly webgpu?: 'swiftshader';
  /** See LaunchOptions.fixtureHosts. */
  readonly fixtureHosts?: LaunchOptions['fixtureHosts'];
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const llm = await startOpenAIServer(options.apiKey ? { apiKey: options.apiKey } : {});
  const pages = await startPageServer();
  const aside = await launchAside({
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.unaudited ? { unaudited: true } : {}),
    ...(options.profileParent ? { profileParent: options.profileParent } : {}),
    ...(options.webgpu ? { webgpu: options.webgpu } : {}),
    ...(options.fixtureHosts ? { fixtureHosts: options.fixtureHosts } : {}),
  });
  aside.audit.allow(llm.origin);
  aside.audit.allow(pages.origin);
  const tab = aside.context.pages()[0] ?? (await aside.context.newPage());
  // One options tab serves both steps: each page load of it costs about a second and a half.
  const optionsPage = await openExtensionPage(aside, 'options.html');
  if (!options.withoutProfile) {
    await addProfile(
      aside,
      { baseURL: llm.url, model: 'test-model', ...(options.apiKey ? { apiKey: options.apiKey } : {}) },
      optionsPage,
    );
  }
  const panel = await openSidePanel(aside, optionsPage);
  const show = async (url: string) => {
    await tab.goto(url);
    await tab.bringToFront();
  };
  return {
    aside,
    llm,
    pages,
    panel,
    tab,
    show,
    close: async () => {
      await aside.close();
      await Promise.all([llm.close(), pages.close()]);
    },
  };
}

/** Types a question into the side panel and sends it with Enter, as a user does. */
export async function ask(panel: Page, question: string): Promise<void> {
  const box = panel.getByRole('textbox').last();
  await box.fill(question);
  await box.press('Enter');
}

/** Starts a fresh chat so each test sees only its own messages. */
export async function newChat(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: /New chat|新对话/ }).click();
}

interface ChatBody {
  readonly model?: string;
  readonly stream?: boolean;
  readonly messages?: readonly { readonly role: string; readonly content: string }[];
}

/** The body of the last chat completion request the provider received. */
export function lastChatBody(llm: OpenAIServer): ChatBody {
  const request = llm.requests.filter((r) => r.path === '/v1/chat/completions').at(-1);
  return (request?.body ?? {}) as ChatBody;
}

/** The content of the last message of the last chat request: the question, with the page when included. */
export function lastPrompt(llm: OpenAIServer): string {
  return lastChatBody(llm).messages?.at(-1)?.content ?? '';
}
