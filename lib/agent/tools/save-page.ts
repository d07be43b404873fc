import { z } from 'zod';
import { saveTab } from '../../library/save-tab';
import { wrapToolOutput } from '../../prompt/untrusted';
import { tabForRun } from '../tab-access';
import { tool } from '../tool';

/** Saves an open tab's page into the library. */
export const savePage = tool({
  name: 'save_page',
  description:
    "Saves an open tab's page into the user's library. Defaults to the current tab. Needs the user to allow it.",
  input: z.object({ tabId: z.number().int().optional() }),
  risk: 'effect',
  async target({ tabId }, context) {
    const id = tabId ?? context.tabId;
    if (id === null) return null;
    // A tab of the other kind of window is not shown, even in the consent prompt; run() refuses it.
    return (await tabForRun(id, context).catch(() => undefined))?.url ?? null;
  },
  async run({ tabId }, context) {
    const id = tabId ?? context.tabId;
    if (id === null) return 'There is no current tab to save.';
    await tabForRun(id, context);
    const { outcome, title } = await saveTab(id);
    // The title is written by the page, so it comes back wrapped like any page text.
    return `${outcome === 'unchanged' ? 'Already saved' : 'Saved'}: ${wrapToolOutput('save_page', title, {}, context.nonce)}`;
  },
});
