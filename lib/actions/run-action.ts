import { pageForPrompt } from '../chat/page-for-prompt';
import { createClient } from '../llm/client';
import { isLocalURL } from '../llm/presets';
import { type ChatMessageParam, streamCompletion } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import type { ContentScriptSender } from '../messaging/senders';
import { newUntrustedNonce, untrustedContentRule } from '../prompt/untrusted';
import { getApiKey } from '../settings/api-keys';
import { resolveProfile } from '../settings/profiles';
import { generalSettingsItem } from '../settings/storage-items';
import type { ActionEvent, ActionStart } from './action-stream-protocol';
import { actionSystemPrompt as systemPrompt } from './action-system-prompt';
import { followUpContext } from './card-follow-up';
import { cardQuestion } from './card-question';
import { type CardMessage, rememberCardRun } from './card-runs';
import { resolveRun } from './resolve-run';

/** What to send: the messages before the prompt, the prompt, and the card's question as stored for rating. */
type Prepared =
  | { type: 'prompt'; context: readonly CardMessage[]; prompt: string; question(): Promise<string> }
  | Extract<Awaited<ReturnType<typeof resolveRun>>, { type: 'consent' }>;

/** The action's template filled in for the sender's tab, under the action system prompt. */
async function prepareAction(start: ActionStart, sender: ContentScriptSender, signal: AbortSignal): Promise<Prepared> {
  const { tab, tabId } = sender;
  const { pageTokenBudget } = await generalSettingsItem.getValue();
  const nonce = newUntrustedNonce();
  const run = await resolveRun(start, {
    tabId,
    nonce,
    pageTitle: tab.title ?? '',
    pageUrl: tab.url ?? sender.url,
    pageTokenBudget,
    signal,
    capturePage: async () => (await pageForPrompt(tabId, pageTokenBudget)).text,
  });
  if (run.type === 'consent') return run;
  const system = run.hasUntrusted ? `${systemPrompt}\n${untrustedContentRule(nonce)}` : systemPrompt;
  return {
    type: 'prompt',
    context: [{ role: 'system', content: system }],
    prompt: run.prompt,
    question: () => cardQuestion(start.actionId, start.selection || run.linkUrl || ''),
  };
}

/** A question typed in the card, after the conversation of one of this tab's own finished runs. */
async function prepareFollowUp(tabId: number, followUp: NonNullable<ActionStart['followUp']>): Promise<Prepared> {
  const context = await followUpContext(tabId, followUp.runId);
  return { type: 'prompt', context, prompt: followUp.question, question: async () => followUp.question };
}

/**
 * Runs one action in the background with the active profile and streams the
 * answer to the content script that asked: it works on that script's own tab
 * (title, URL and page text come from the browser's view of the sender, never
 * from the page). Keys stay here; the page sees only text. The finished
 * exchange is remembered under a run id (lib/actions/card-runs.ts).
 */
export async function runAction(
  start: ActionStart,
  emit: (event: ActionEvent) => void,
  signal: AbortSignal,
  sender: ContentScriptSender,
): Promise<void> {
  const { tabId } = sender;
  const prepared = start.followUp
    ? await prepareFollowUp(tabId, start.followUp)
    : await prepareAction(start, sender, signal);
  if (prepared.type === 'consent') {
    emit({
      type: 'consent',
      url: prepared.url,
      linkToken: prepared.linkToken,
      ...(prepared.redirectedFrom ? { redirectedFrom: prepared.redirectedFrom } : {}),
    });
    return;
  }
  const { context, prompt, question } = prepared;
  const profile = await resolveProfile();
  const messages: ChatMessageParam[] = [...context, { role: 'user', content: prompt }];
  const runId = crypto.randomUUID();
  emit({ type: 'started', runId, model: profile.model, prompt });
  const client = createClient({ baseURL: profile.baseURL, apiKey: await getApiKey(profile) });
  let answer = '';
  try {
    const request = {
      model: profile.model,
      messages,
      ...(profile.temperature === undefined ? {} : { temperature: profile.temperature }),
    };
    for await (const event of streamCompletion(client, request, signal, { local: isLocalURL(profile.baseURL) })) {
      if (event.type === 'delta') {
        answer += event.text;
        emit({ type: 'delta', text: event.text });
      } else if (event.type === 'finish') {
        await rememberCardRun({
          runId,
          tabId,
          question: await question(),
          prompt,
          answer,
          model: profile.model,
          context,
        });
        emit({ type: 'done', finishReason: event.reason });
        return;
      }
    }
  } catch (thrown) {
    const error = signal.aborted ? new AsideError('cancelled', 'Stopped.') : AsideError.from(thrown);
    emit(
      error.code === 'cancelled'
        ? { type: 'stopped' }
        : { type: 'error', error: error.toJSON(), partial: answer !== '' },
    );
  }
}
