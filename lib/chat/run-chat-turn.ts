import { checkAnswerLinks } from '../consent/answer-links';
import { sourcesFromMessages } from '../consent/run-sources';
import { db } from '../db/database';
import type { MessageRecord } from '../db/records';
import { cutFilesToBudget } from '../files/files-budget';
import { createClient } from '../llm/client';
import { isLocalURL } from '../llm/presets';
import { defaultRetryPolicy, nextRetryDelay, sleep } from '../llm/retry';
import { type ChatMessageParam, streamCompletion } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import { buildChatPrompt } from '../prompt/chat-prompt';
import { withAttachedFiles } from '../prompt/files-prompt';
import { buildLibraryPrompt } from '../prompt/library-prompt';
import { rewrapUntrusted, storedPromptNonce } from '../prompt/rewrap-untrusted';
import { newUntrustedNonce, type UntrustedNonce } from '../prompt/untrusted';
import { buildWebPrompt } from '../prompt/web-prompt';
import { libraryOpening } from '../rag/open-library';
import { getApiKey } from '../settings/api-keys';
import { resolveProfile } from '../settings/profiles';
import { generalSettingsItem } from '../settings/storage-items';
import { modelTakesImages, visionUnsupported } from '../vision/model-takes-images';
import { withImages } from '../vision/with-images';
import type { ChatEvent, ChatStart } from './chat-stream-protocol';
import { libraryContext } from './library-context';
import { libraryRewrites } from './library-rewrites';
import { mcpTurnPrompt } from './mcp-turn';
import { type PromptPage, pageForPrompt } from './page-for-prompt';
import { resolvePanelAction } from './panel-action';
import { prepareTurn } from './prepare-turn';
import { rewriteWithModel, webTurnContext } from './web-turn';

/** How often the growing answer is written to IndexedDB while it streams. */
const persistEveryMs = 300;

/**
 * Runs one chat turn in the background: stores the question, captures the
 * page, streams the answer through the provider with retries, and stores the
 * answer as it grows, so a closed panel or a broken stream keeps what arrived.
 */
export async function runChatTurn(
  start: ChatStart,
  emit: (event: ChatEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const action = start.kind === 'send' && start.actionId ? start.actionId : null;
  // The page is captured while the question is being stored: neither waits for the other.
  // An action carries its own selection or page text; library questions carry excerpts.
  const pageReady =
    start.pageTabId === null || start.library || start.web || action
      ? Promise.resolve(null)
      : capturePromptPage(start.pageTabId);
  pageReady.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const profile = await resolveProfile(start.profileId);
  // A model picked for another profile (since deleted) does not carry over to the fallback profile.
  const model = (profile.id === start.profileId ? start.model : undefined) ?? profile.model;
  // One nonce for this request's untrusted-content markers: its system prompt, its page, its stored blocks.
  const nonce = newUntrustedNonce();
  const panelAction = action
    ? await resolvePanelAction(action, start.pageTabId, {
        pageTokenBudget: (await generalSettingsItem.getValue()).pageTokenBudget,
        signal,
        nonce,
      })
    : null;
  // Images go only to a model marked as reading them; a new question with images is refused before it
  // is stored, so the panel keeps the draft and its images for another model.
  const vision = await modelTakesImages(model);
  if (start.kind === 'send' && start.images && !vision) throw visionUnsupported(model);
  const mcpPrompt = panelAction ? null : await mcpTurnPrompt(start, nonce, signal);
  const sent = panelAction?.prompt ?? mcpPrompt;
  // Attached files share the page's token budget; they are stored with the question, cut as sent.
  const files =
    start.kind === 'send' && start.files
      ? cutFilesToBudget(start.files, (await generalSettingsItem.getValue()).pageTokenBudget)
      : [];
  const turn = await prepareTurn(start, profile.id, model, sent ? { prompt: sent, nonce } : undefined, files);
  const { answer } = turn;
  emit({
    type: 'started',
    conversationId: turn.conversationId,
    userMessageId: turn.question.id,
    assistantMessageId: answer.id,
    model,
  });

  // What the model was given (the page, library excerpts, the conversation): when the answer ends,
  // its links are checked against it here, where that text is, and the verdict is stored with the
  // answer for the panel, which shows no link as clickable before then (lib/consent/answer-links.ts).
  let messages: ChatMessageParam[] = [];
  const linkCheck = () => checkAnswerLinks(answer.content, sourcesFromMessages(messages));

  const fail = async (error: AsideError) => {
    const stopped = error.code === 'cancelled';
    await db().messages.update(answer.id, {
      content: answer.content,
      reasoning: answer.reasoning,
      linkCheck: linkCheck(),
      status: stopped ? 'stopped' : 'error',
      ...(stopped ? {} : { error: error.toJSON() }),
    });
    emit(stopped ? { type: 'stopped' } : { type: 'error', error: error.toJSON(), partial: answer.content.length > 0 });
  };

  let page: PromptPage | null;
  try {
    page = await pageReady;
  } catch (error) {
    // With files attached, a tab Aside cannot read (a new tab, a browser page) is left out rather than
    // failing the question: the files are what it is about, and the context bar already says so.
    if (![...turn.history, turn.question].some((message) => message.files !== undefined)) {
      await fail(AsideError.from(error));
      return;
    }
    page = null;
  }
  // An action on the whole page carries that page's context as a question's page does.
  const context = page?.info ?? panelAction?.context;
  if (context) {
    emit({ type: 'context', context });
    await db().messages.update(turn.question.id, { context });
  }

  if (turn.question.images && !vision) {
    await fail(visionUnsupported(model));
    return;
  }
  const asked = [...turn.history, turn.question];
  const sentTurns = asked.filter((message) => message.role === 'user' || message.content.length > 0);
  // The user's rewrite of an answer is what the conversation goes on from.
  const turns = sentTurns.map((message) => ({
    role: message.role,
    content: message.edited ?? withAttachedFiles(message.files, sentPrompt(message, nonce), nonce),
  }));
  // Earlier questions' images go along (a follow-up may be about them), unless this model reads none.
  const turnImages = sentTurns.map((message) => (vision ? (message.images ?? []).map((image) => image.dataUrl) : []));
  // Actions' filled-in templates and attached files carry wrapped text, now or earlier in the chat.
  const untrusted = asked.some((message) => message.prompt !== undefined || message.files !== undefined);
  const withFiles = asked.some((message) => message.files !== undefined);
  messages = buildChatPrompt({ turns, page, untrusted, nonce, files: withFiles });
  const local = isLocalURL(profile.baseURL);
  const client = createClient({ baseURL: profile.baseURL, apiKey: await getApiKey(profile) });
  if (start.library) {
    let library: Awaited<ReturnType<typeof libraryContext>>;
    // RAG-Fusion (when the setting asks for it): never fails the turn; null = search the question as asked.
    const rewrites = await libraryRewrites(turn.question.content, { client, model, local, signal });
    if (rewrites) {
      answer.rewrites = { ...rewrites, queries: [...rewrites.queries] };
      emit({ type: 'rewrites', ...answer.rewrites });
    }
    const fused = answer.rewrites ? { rewrites: answer.rewrites } : {};
    try {
      // A fresh background opens the indexes first (a second or more for a large library): the panel says so.
      if (await libraryOpening()) emit({ type: 'library', stage: 'opening' });
      library = await libraryContext(turn.question.content, rewrites?.queries);
    } catch (error) {
      await fail(AsideError.from(error));
      return;
    }
    answer.sources = library.sources;
    if (library.rerank) answer.rerank = library.rerank;
    emit({ type: 'sources', sources: library.sources });
    if (library.sources.length === 0) {
      // Nothing in the library matches: say so (the panel words it) instead of letting the model invent.
      await db().messages.update(answer.id, { sources: [], ...fused, status: 'complete' });
      emit({ type: 'done', finishReason: 'not-in-library' });
      return;
    }
    const rerank = library.rerank ? { rerank: library.rerank } : {};
    await db().messages.update(answer.id, { sources: library.sources, ...fused, ...rerank });
    messages = buildLibraryPrompt({ turns, excerpts: library.excerpts, nonce });
  }
  if (start.web) {
    let web: Awaited<ReturnType<typeof webTurnContext>>;
    try {
      const rewrite = (question: string) => rewriteWithModel(client, model, question, signal, local);
      web = await webTurnContext(turn.question.content, answer, emit, signal, rewrite);
    } catch (error) {
      await fail(signal.aborted ? new AsideError('cancelled', 'Stopped.') : AsideError.from(error));
      return;
    }
    if (web.sources.length === 0) {
      // The search found nothing: say so (the panel words it) instead of letting the model guess.
      await db().messages.update(answer.id, { status: 'complete' });
      emit({ type: 'done', finishReason: 'no-web-results' });
      return;
    }
    messages = buildWebPrompt({ turns, excerpts: web.excerpts, engine: web.engine, nonce });
  }

  let lastPersist = 0;
  const persist = async () => {
    if (Date.now() - lastPersist < persistEveryMs) return;
    lastPersist = Date.now();
    await db().messages.update(answer.id, { content: answer.content, reasoning: answer.reasoning });
  };

  for (let attempt = 1; ; attempt++) {
    try {
      const request = {
        model,
        messages: withImages(messages, turnImages),
        ...(profile.temperature === undefined ? {} : { temperature: profile.temperature }),
      };
      for await (const event of streamCompletion(client, request, signal, { local })) {
        if (event.type === 'delta') {
          answer.content += event.text;
          emit({ type: 'delta', text: event.text });
        } else if (event.type === 'reasoning') {
          answer.reasoning = (answer.reasoning ?? '') + event.text;
          emit({ type: 'reasoning', text: event.text });
        } else if (event.type === 'usage') {
          answer.usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
          emit({ type: 'usage', ...answer.usage });
        } else {
          await db().messages.update(answer.id, {
            content: answer.content,
            reasoning: answer.reasoning,
            usage: answer.usage,
            linkCheck: linkCheck(),
            status: 'complete',
          });
          emit({ type: 'done', finishReason: event.reason });
          return;
        }
        await persist();
      }
    } catch (thrown) {
      const error = signal.aborted ? new AsideError('cancelled', 'Stopped.') : AsideError.from(thrown);
      // Retrying after text has arrived would repeat it; only retry clean failures.
      const untouched = answer.content.length === 0 && !answer.reasoning;
      const delay = untouched ? nextRetryDelay(error, attempt) : undefined;
      if (delay === undefined) {
        await fail(error);
        return;
      }
      emit({
        type: 'retry',
        // The attempt about to be made, as the user counts them.
        attempt: attempt + 1,
        maxAttempts: defaultRetryPolicy.maxAttempts,
        delayMs: delay,
        error: error.toJSON(),
      });
      try {
        await sleep(delay, signal);
      } catch {
        await fail(new AsideError('cancelled', 'Stopped.'));
        return;
      }
    }
  }
}

/** What a message sends: an action's filled-in template, its blocks re-marked with this request's nonce. */
function sentPrompt(message: MessageRecord, nonce: UntrustedNonce): string {
  if (message.prompt === undefined) return message.content;
  return rewrapUntrusted(message.prompt, storedPromptNonce(message.prompt, message.promptNonce), nonce);
}

async function capturePromptPage(tabId: number): Promise<PromptPage> {
  const { pageTokenBudget } = await generalSettingsItem.getValue();
  return pageForPrompt(tabId, pageTokenBudget);
}
