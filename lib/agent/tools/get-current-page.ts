import { z } from 'zod';
import { AsideError } from '../../messaging/errors';
import { captureTab } from '../../tabs/capture-tab';
import { tabForRun } from '../tab-access';
import { tool } from '../tool';
import { pageResult } from '../tool-text';

/** The page in the tab the user was looking at when the run started. */
export const getCurrentPage = tool({
  name: 'get_current_page',
  description: "Reads the text of the page in the user's current tab (as Markdown), with its title and URL.",
  input: z.object({}),
  risk: 'read',
  async run(_input, context) {
    if (context.tabId === null) throw new AsideError('page-unreadable', 'There is no current tab.');
    // A resumed run keeps the tab it started with, which may belong to another kind of window than this one.
    await tabForRun(context.tabId, context);
    return pageResult('get_current_page', await captureTab(context.tabId), context.nonce);
  },
});
