import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newUntrustedNonce } from '../../prompt/untrusted';
import type { ToolContext } from '../tool';
import { getCurrentPage } from './get-current-page';
import { getSelection } from './get-selection';
import { listTabs } from './list-tabs';
import { openUrl } from './open-url';
import { readTab } from './read-tab';
import { savePage } from './save-page';

/** One normal and one incognito tab, as the browser reports them. */
const tabs = [
  { id: 11, windowId: 1, url: 'https://news.example/today', title: 'Morning news', incognito: false },
  { id: 22, windowId: 2, url: 'https://clinic.example/appointment', title: 'Clinic appointment', incognito: true },
];

const context = (incognito: boolean, tabId: number | null = null): ToolContext => ({
  tabId,
  incognito,
  windowId: incognito ? 2 : 1,
  nonce: newUntrustedNonce(),
  signal: new AbortController().signal,
  ask: async () => '',
  runScript: async () => ({ kind: 'script', output: '', timedOut: true }),
});

describe('tools that take a tab see only tabs of their run’s kind of window', () => {
  let sent: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue(tabs as never);
    vi.spyOn(browser.tabs, 'get').mockImplementation((async (id: number) =>
      tabs.find((tab) => tab.id === id)) as never);
    // Any message to a tab's content script would be a read of that tab.
    sent = vi.fn(async () => ({ ok: false, error: { name: 'AsideError', code: 'internal', message: 'read' } }));
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(sent as never);
  });

  it('list_tabs leaves incognito tabs out of a normal run, and normal tabs out of an incognito run', async () => {
    const normal = await listTabs.run({}, context(false));
    expect(normal).toContain('Morning news');
    expect(normal).not.toContain('Clinic');
    expect(normal).not.toContain('id 22');
    const incognito = await listTabs.run({}, context(true));
    expect(incognito).toContain('Clinic appointment');
    expect(incognito).not.toContain('news.example');
  });

  it('read_tab refuses a tab of the other kind without reading it', async () => {
    await expect(readTab.run({ tabId: 22 }, context(false))).rejects.toThrow(/No tab 22 that this run can read/);
    await expect(readTab.run({ tabId: 11 }, context(true))).rejects.toThrow(/No tab 11 that this run can read/);
    expect(sent).not.toHaveBeenCalled();
  });

  it('get_current_page, get_selection and save_page obey the same rule', async () => {
    // A run resumed in a normal window still names the incognito tab it was started from.
    await expect(getCurrentPage.run({}, context(false, 22))).rejects.toThrow(/this run can read/);
    await expect(getSelection.run({}, context(false, 22))).rejects.toThrow(/this run can read/);
    await expect(savePage.run({ tabId: 22 }, context(false))).rejects.toThrow(/this run can read/);
    // Its consent prompt does not show the incognito tab's address either.
    expect(await savePage.target?.({ tabId: 22 }, context(false))).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });

  it('open_url opens its tab in the run’s window, never in a window of the other kind', async () => {
    const privateWindow = (await browser.windows.create({ incognito: true }))?.id ?? -1;
    const created = vi.spyOn(browser.tabs, 'create');
    await openUrl.run({ url: 'https://clinic.example/map' }, { ...context(true), windowId: privateWindow });
    expect(created).toHaveBeenLastCalledWith(expect.objectContaining({ windowId: privateWindow }));
    // The run's window was closed, and the only window left is a normal one: nowhere to open it.
    await browser.windows.remove(privateWindow);
    await expect(
      openUrl.run({ url: 'https://clinic.example/map' }, { ...context(true), windowId: privateWindow }),
    ).rejects.toThrow(/No private window is open/);
    expect(created).toHaveBeenCalledTimes(1);
  });
});
