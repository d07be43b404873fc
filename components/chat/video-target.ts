import type { PageContextInfo } from '../../lib/capture/page-context';
import type { MessageRecord } from '../../lib/db/records';
import type { VideoTarget } from './markdown';

/**
 * The video an answer is about: the transcript its question was sent with.
 * The address is the page's as the background checked it against the tab
 * (lib/tabs/capture-tab.ts), so a time links only into that same video.
 */
export function videoTargetOf(context: PageContextInfo | undefined): VideoTarget | undefined {
  const kind = context?.kind;
  if (!context || kind?.kind !== 'transcript') return undefined;
  return { url: context.url, site: kind.site, durationSec: kind.durationSec };
}

/** The video of the question just before `index` in a conversation, if it was about one. */
export function videoOfAnswer(messages: readonly MessageRecord[], index: number): VideoTarget | undefined {
  const question = messages[index - 1];
  return question?.role === 'user' ? videoTargetOf(question.context) : undefined;
}
