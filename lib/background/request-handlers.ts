import { type Browser, browser } from 'wxt/browser';
import { storeRatedCard } from '../actions/card-feedback';
import { conversationFromCard, panelHandoffItem } from '../actions/panel-handoff';
import { stopRun } from '../agent/active-runs';
import { answerPrompt } from '../agent/pending-prompts';
import { editRunFinal, rateRun } from '../agent/run-feedback';
import { interject, replaceTasks } from '../agent/teams/team-inbox';
import { pageForPrompt } from '../chat/page-for-prompt';
import { deleteEverything } from '../data/delete-everything';
import {
  deleteConversation,
  editAnswer,
  rateMessage,
  renameConversation,
  showAnswerVersion,
} from '../db/conversations';
import { deletePages, importLibrary, restorePages, setTags } from '../library/library-store';
import { saveSelection } from '../library/save-selection';
import { saveTab } from '../library/save-tab';
import { detectLocalServers } from '../llm/detect-local';
import { listModels } from '../llm/list-models';
import { AsideError } from '../messaging/errors';
import { serveBackgroundRequests } from '../messaging/requests';
import { embedEncoded, reportEmbedderProgress } from '../rag/embedder';
import { openVectorIndex, vectorIndexLoadMs } from '../rag/index-cache';
import { enableEmbeddings } from '../rag/index-model';
import { controlIngest } from '../rag/ingest-service';
import { getApiKey } from '../settings/api-keys';
import { deleteProfile, saveProfile } from '../settings/profiles';
import { activeProfileItem, generalSettingsItem, profilesItem } from '../settings/storage-items';
import { offerAutoSave } from './auto-save';
import { askInPanel, openPanel } from './embedded-entry-points';

/** The background's request handlers; each one short and delegating to lib/. */
export function serveBackgroundHandlers(): void {
  serveBackgroundRequests({
    'profiles.save': async ({ profile, apiKey }) => ({ profile: await saveProfile(profile, apiKey) }),
    'profiles.delete': async ({ id }) => {
      await deleteProfile(id);
      return {};
    },
    'profiles.activate': async ({ id, model }) => {
      const profile = (await profilesItem.getValue()).find((p) => p.id === id);
      if (profile) await activeProfileItem.setValue({ profileId: id, model: model ?? profile.model });
      return {};
    },
    'provider.testConnection': async ({ profile, apiKey }) => {
      const key = apiKey ?? (profile.id ? await getApiKey(profile.id) : undefined);
      return { models: await listModels(profile.baseURL, key, AbortSignal.timeout(15_000)) };
    },
    'provider.detectLocal': async () => ({ found: await detectLocalServers() }),
    'page.preview': async ({ tabId }) => {
      const { pageTokenBudget } = await generalSettingsItem.getValue();
      return (await pageForPrompt(tabId, pageTokenBudget)).info;
    },
    'conversations.rename': async ({ id, title }) => {
      await renameConversation(id, title);
      return {};
    },
    'conversations.delete': async ({ id }) => {
      await deleteConversation(id);
      return {};
    },
    'library.saveTab': async ({ tabId }) => saveTab(tabId),
    'embedder.embed': async ({ texts, kind, batchSize }) => embedEncoded(texts, kind, { batchSize }),
    'embedder.prepare': async () => {
      await enableEmbeddings();
      return embedEncoded(['Aside 本地嵌入 test'], 'query');
    },
    'embedder.progress': async ({ files }) => {
      await reportEmbedderProgress(files);
      return {};
    },
    'autosave.offer': async ({ hasPasswordField }, sender) => offerAutoSave(sender, hasPasswordField),
    'library.delete': async ({ ids }) => deletePages(ids),
    'library.saveSelection': async ({ tabId }) => saveSelection(tabId),
    'library.setTags': async ({ id, tags }) => {
      await setTags(id, tags);
      return {};
    },
    'library.restore': async (deleted) => {
      await restorePages(deleted);
      return {};
    },
    'library.import': async ({ text }) => importLibrary(text),
    'embedded.injectUi': async (_request, sender) => {
      if (sender.tab?.id === undefined) throw new AsideError('invalid-message', 'Only a page can load the toolbar.');
      await browser.scripting.executeScript({
        target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
        files: ['/content-scripts/embedded-ui.js'],
      });
      return {};
    },
    'messages.rate': async ({ id, rating }) => {
      await rateMessage(id, rating);
      return {};
    },
    'messages.edit': async ({ id, text }, sender) => {
      requireExtensionPage(sender, 'messages.edit');
      await editAnswer(id, text);
      return {};
    },
    'messages.showVersion': async ({ id, version }, sender) => {
      requireExtensionPage(sender, 'messages.showVersion');
      await showAnswerVersion(id, version);
      return {};
    },
    'runs.rate': async ({ id, rating }, sender) => {
      requireExtensionPage(sender, 'runs.rate');
      await rateRun(id, rating);
      return {};
    },
    'runs.stop': async ({ id }, sender) => {
      requireExtensionPage(sender, 'runs.stop');
      return { stopped: stopRun(id) };
    },
    'runs.editFinal': async ({ id, text }, sender) => {
      requireExtensionPage(sender, 'runs.editFinal');
      await editRunFinal(id, text);
      return {};
    },
    'actions.rateCard': async ({ rating, ...exchange }) => ({ messageId: await storeRatedCard(exchange, rating) }),
    'rag.indexStats': async ({ modelId }) => {
      const index = await openVectorIndex(modelId);
      return { vectors: index.size, dims: index.dims, loadMs: vectorIndexLoadMs(modelId) ?? null };
    },
    'ingest.control': async ({ action }) => {
      await controlIngest(action);
      return {};
    },
    'actions.askInPanel': async ({ selection }, sender) => {
      if (sender.tab?.id !== undefined) await askInPanel(sender.tab.id, selection);
      return {};
    },
    'actions.saveSelection': async (_request, sender) => {
      if (sender.tab?.id === undefined) throw new AsideError('invalid-message', 'Only a page can save its selection.');
      return saveSelection(sender.tab.id);
    },
    'actions.continueInPanel': async ({ question, answer }, sender) => {
      const opening = sender.tab?.id === undefined ? Promise.resolve() : openPanel(sender.tab.id);
      const conversationId = await conversationFromCard(question, answer);
      await panelHandoffItem.setValue({ conversationId, at: Date.now() });
      await opening;
      return { conversationId };
    },
    'data.deleteEverything': async () => {
      await deleteEverything();
      return {};
    },
    'agent.respond': async ({ promptId, answer }, sender) => {
      requireExtensionPage(sender, 'agent.respond');
      return { delivered: answerPrompt(promptId, answer) };
    },
    'team.interject': async ({ runId, text }, sender) => {
      requireExtensionPage(sender, 'team.interject');
      return { delivered: interject(runId, text) };
    },
    'team.setTasks': async ({ runId, tasks }, sender) => {
      requireExtensionPage(sender, 'team.setTasks');
      return { delivered: replaceTasks(runId, tasks) };
    },
  });
}

/** Consent, answers and team input come only from Aside's own pages, never from a tab's content script. */
function requireExtensionPage(sender: Browser.runtime.MessageSender, request: string): void {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) {
    throw new AsideError('invalid-message', `${request} is only accepted from the side panel.`);
  }
}
