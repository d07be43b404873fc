import { browser } from 'wxt/browser';
import { z } from 'zod';
import { httpUrl } from '../../consent/url-rules';
import { tool } from '../tool';

/** Opens a URL in a new tab: an effect, so the user sees and allows the exact URL. */
export const openUrl = tool({
  name: 'open_url',
  description: 'Opens an http(s) URL in a new browser tab. Needs the user to allow it.',
  input: z.object({ url: httpUrl }),
  risk: 'effect',
  async target({ url }) {
    return url;
  },
  async run({ url }) {
    const tab = await browser.tabs.create({ url, active: false });
    return `Opened ${url} in tab ${tab.id ?? '?'}. Use read_tab with that id to read it once loaded.`;
  },
});
