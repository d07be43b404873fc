import type { Page } from 'puppeteer-core';
import { type PageServer, startPageServer } from '../../e2e/support/page-server';
import { profileIdOf, profilesSaveMessage } from '../../e2e/support/provider';
import { type OpenAIServer, startOpenAIServer } from '../../support/openai-server';
import { type AsideFirefox, launchFirefox, navigate } from './firefox';
import { Sidebar } from './sidebar';

/** What a Firefox E2E file needs, started together and closed together: one browser per file. */
export interface FirefoxSession {
  readonly aside: AsideFirefox;
  readonly llm: OpenAIServer;
  readonly pages: PageServer;
  /** A normal tab; `show(url)` navigates it and makes it the active tab, the one the sidebar follows. */
  readonly tab: Page;
  readonly sidebar: Sidebar;
  show(url: string): Promise<void>;
  close(): Promise<void>;
}

export async function startFirefoxSession(): Promise<FirefoxSession> {
  const [llm, pages, aside] = await Promise.all([startOpenAIServer(), startPageServer(), launchFirefox()]);
  aside.audit.allow(llm.origin);
  aside.audit.allow(pages.origin);
  const tab = (await aside.browser.pages())[0] ?? (await aside.browser.newPage());
  // One Aside page, in a background tab, saves the provider and then drives the sidebar.
  const driver = await aside.openExtensionPage('options.html');
  await addProfile(driver, llm.url);
  const sidebar = new Sidebar(aside, driver);
  return {
    aside,
    llm,
    pages,
    tab,
    sidebar,
    show: async (url) => {
      await navigate(tab, url);
      await tab.bringToFront();
    },
    close: async () => {
      await aside.close();
      await Promise.all([llm.close(), pages.close()]);
    },
  };
}

/**
 * Saves a provider profile the way the options page does: `profiles.save`,
 * sent from an Aside page (the background accepts it from nowhere else).
 */
async function addProfile(page: Page, baseURL: string): Promise<void> {
  const reply = await page.evaluate(
    (message) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage(message),
    profilesSaveMessage({ baseURL }),
  );
  profileIdOf(reply);
}
