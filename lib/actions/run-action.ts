import type { Browser } from 'wxt/browser';
import { pageForPrompt } from '../chat/page-for-prompt';
import { createClient } from '../llm/client';
import { isLocalURL } from '../llm/presets';
import { type ChatMessageParam, streamCompletion } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import { newUntrustedNonce, untrustedContentRule } from '../prompt/untrusted';
import { getApiKey } from '../settings/api-keys';
import { resolveProfile } from '../settings/profiles';
import { generalSettingsItem } from '../settings/storage-items';
import type { ActionEvent, ActionStart } from './action-stream-protocol';
import { actionSystemPrompt as systemPrompt } from './action-system-prompt';
import { resolveRun } from './resolve-run';

/**
 * Runs one action in the background with the active profile and streams the
 * answer to the content script. Keys stay here; the page sees only text.
 */
export async function runAction(
  start: ActionStart,
  emit: (event: ActionEvent) => void,
  signal: AbortSignal,
  sender: Browser.runtime.MessageSender | undefined,
): Promise<void> {
  const tab = sender?.tab;
  const { pageTokenBudget } = await generalSettingsItem.getValue();
  const nonce = newUntrustedNonce();
  const run = await resolveRun(start, {
    nonce,
    pageTitle: tab?.title ?? '',
    pageUrl: tab?.url ?? sender?.url ?? '',
    pageTokenBudget,
    signal,
    capturePage: async () => {
      if (tab?.id === undefined) throw new AsideError('page-unreadable', 'No page to read.');
      return (await pageForPrompt(tab.id, pageTokenBudget)).text;
    },
  });
  if (run.type === 'consent') {
    emit({ type: 'consent', url: run.url });
    return;
  }
  const profile = await resolveProfile();
  const messages: ChatMessageParam[] = [
    { role: 'system', content: run.hasUntrusted ? `${systemPrompt}\n${untrustedContentRule(nonce)}` : systemPrompt },
    { role: 'user', content: run.prompt },
  ];
  emit({ type: 'started', model: profile.model, prompt: run.prompt });
  const client = createClient({ baseURL: profile.baseURL, apiKey: await getApiKey(profile.id) });
  let partial = false;
  try {
    const request = {
      model: profile.model,
      messages,
      ...(profile.temperature === undefined ? {} : { temperature: profile.temperature }),
    };
    for await (const event of streamCompletion(client, request, signal, { local: isLocalURL(profile.baseURL) })) {
      if (event.type === 'delta') {
        partial = true;
        emit({ type: 'delta', text: event.text });
      } else if (event.type === 'finish') {
        emit({ type: 'done', finishReason: event.reason });
        return;
      }
    }
  } catch (thrown) {
    const error = signal.aborted ? new AsideError('cancelled', 'Stopped.') : AsideError.from(thrown);
    emit(error.code === 'cancelled' ? { type: 'stopped' } : { type: 'error', error: error.toJSON(), partial });
  }
}
