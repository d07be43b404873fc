import { browser } from 'wxt/browser';
import { z } from 'zod';
import { httpUrl } from '../../consent/url-rules';
import { windowForRun } from '../tab-access';
import { tool } from '../tool';

/** Opens a URL in a new tab of the run's window: an effect, so the user sees and allows the exact URL. */
export const openUrl = tool({
  name: 'open_url',
  description: 'Opens an http(s) URL in a new browser tab. Needs the user to allow it.',
  input: z.object({ url: httpUrl }),
  risk: 'effect',
  async target({ url }) {
    return url;
  },
  async run({ url }, context) {
    const tab = await browser.tabs.create({ url, active: false, windowId: await windowForRun(context) });
    return `Opened ${url} in tab ${tab.id ?? '?'}. Use read_tab with that id to read it once loaded.`;
  },
});
