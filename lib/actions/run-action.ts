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
import { cardQuestion } from './card-question';
import { rememberCardRun } from './card-runs';
import { resolveRun } from './resolve-run';

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
  if (run.type === 'consent') {
    emit({
      type: 'consent',
      url: run.url,
      linkToken: run.linkToken,
      ...(run.redirectedFrom ? { redirectedFrom: run.redirectedFrom } : {}),
    });
    return;
  }
  const profile = await resolveProfile();
  const messages: ChatMessageParam[] = [
    { role: 'system', content: run.hasUntrusted ? `${systemPrompt}\n${untrustedContentRule(nonce)}` : systemPrompt },
    { role: 'user', content: run.prompt },
  ];
  const runId = crypto.randomUUID();
  emit({ type: 'started', runId, model: profile.model, prompt: run.prompt });
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
        const question = await cardQuestion(start.actionId, start.selection || run.linkUrl || '');
        await rememberCardRun({ runId, tabId, question, prompt: run.prompt, answer, model: profile.model });
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
