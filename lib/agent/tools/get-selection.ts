import { z } from 'zod';
import { pageUrlFor } from '../../capture/page-url';
import { callTab } from '../../messaging/requests';
import { wrapToolOutput } from '../../prompt/untrusted';
import { tabForRun } from '../tab-access';
import { tool } from '../tool';

/** The text the user selected in the current tab. */
export const getSelection = tool({
  name: 'get_selection',
  description: 'Reads the text the user has selected in the current tab, with its paragraph and headings.',
  input: z.object({}),
  risk: 'read',
  async run(_input, context) {
    if (context.tabId === null) return 'There is no current tab.';
    const tab = await tabForRun(context.tabId, context);
    const selection = await callTab(context.tabId, 'page.selection', {});
    if (!selection) return 'Nothing is selected.';
    const text = `Selected: ${selection.text}\n\nParagraph: ${selection.paragraph}\n\nHeadings: ${selection.headingPath.join(' > ')}`;
    // The URL the content script reports is a claim; the tab's own URL vouches for it (see pageUrlFor).
    const url = tab.url ? pageUrlFor(selection.url, tab.url) : selection.url;
    return wrapToolOutput('get_selection', text, { title: selection.title, url }, context.nonce);
  },
});
