import { z } from 'zod';
import { captureTab } from '../../tabs/capture-tab';
import { tabForRun } from '../tab-access';
import { tool } from '../tool';
import { pageResult } from '../tool-text';

/** Any open tab's captured text, among the tabs of the run's kind of window. */
export const readTab = tool({
  name: 'read_tab',
  description: 'Reads the text of an open tab (as Markdown). Get tab ids from list_tabs.',
  input: z.object({ tabId: z.number().int().describe('The id from list_tabs') }),
  risk: 'read',
  async run({ tabId }, context) {
    await tabForRun(tabId, context);
    return pageResult('read_tab', await captureTab(tabId), context.nonce);
  },
});
