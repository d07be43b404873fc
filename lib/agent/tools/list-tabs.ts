import { browser } from 'wxt/browser';
import { z } from 'zod';
import { wrapToolOutput } from '../../prompt/untrusted';
import { visibleToRun } from '../tab-access';
import { tool } from '../tool';

/** The open tabs of the run's kind of window: ids to pass to read_tab, with titles and URLs. */
export const listTabs = tool({
  name: 'list_tabs',
  description: 'Lists the open browser tabs with their id, title and URL. Use read_tab with an id to read one.',
  input: z.object({}),
  risk: 'read',
  async run(_input, context) {
    const tabs = await browser.tabs.query({});
    const lines = tabs
      .filter((tab) => visibleToRun(tab, context))
      .filter((tab) => tab.id !== undefined && tab.url && /^https?:|^file:/.test(tab.url))
      .map((tab) => `- id ${tab.id}${tab.id === context.tabId ? ' (current)' : ''}: ${tab.title ?? ''} — ${tab.url}`);
    // Titles are written by pages, so the list is untrusted like any page text.
    const list = lines.length > 0 ? lines.join('\n') : 'No readable tabs are open.';
    return wrapToolOutput('list_tabs', list, {}, context.nonce);
  },
});
