import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runWindow } from './run-window';

describe('runWindow', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the browser whether the panel’s window is incognito', async () => {
    const privateWindow = (await browser.windows.create({ incognito: true }))?.id;
    const normalWindow = (await browser.windows.create({ incognito: false }))?.id;
    expect(await runWindow(privateWindow, null)).toEqual({ windowId: privateWindow, incognito: true });
    expect(await runWindow(normalWindow, null)).toEqual({ windowId: normalWindow, incognito: false });
  });

  it('without a window, goes by the panel’s tab, and by default counts as a normal window', async () => {
    const tab = await browser.tabs.create({ url: 'https://news.example/' });
    expect(await runWindow(undefined, tab.id ?? null)).toEqual({ windowId: tab.windowId, incognito: false });
    expect(await runWindow(null, null)).toEqual({ windowId: null, incognito: false });
  });

  it('refuses to start from a window that is gone', async () => {
    await expect(runWindow(987, null)).rejects.toMatchObject({ code: 'not-found' });
  });
});
