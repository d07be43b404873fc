import { browser } from 'wxt/browser';
import { cardRunOf, rateCardRun } from '../actions/card-runs';
import { allowLinkSite } from '../actions/link-page';
import { linkRequestOf } from '../actions/link-requests';
import { conversationFromCard, panelHandoffItem } from '../actions/panel-handoff';
import { stopRun } from '../agent/active-runs';
import { answerPrompt } from '../agent/pending-prompts';
import { editRunFinal, rateRun } from '../agent/run-feedback';
import { interject, replaceTasks } from '../agent/teams/team-inbox';
import { pageForPrompt } from '../chat/page-for-prompt';
import { siteOf } from '../consent/url-rules';
import { deleteEverything } from '../data/delete-everything';
import {
  deleteConversation,
  editAnswer,
  rateMessage,
  renameConversation,
  showAnswerVersion,
} from '../db/conversations';
import { fileRequestHandlers } from '../files/file-request-handlers';
import { deletePages, importLibrary, restorePages, setTags } from '../library/library-store';
import { saveSelection } from '../library/save-selection';
import { saveTab } from '../library/save-tab';
import { detectLocalServers } from '../llm/detect-local';
import { listModels } from '../llm/list-models';
import { mcpRequestHandlers } from '../mcp/mcp-request-handlers';
import { AsideError } from '../messaging/errors';
import { serveBackgroundRequests } from '../messaging/requests';
import { embedEncoded, reportEmbedderProgress } from '../rag/embedder';
import { openVectorIndex, vectorIndexLoadMs } from '../rag/index-cache';
import { enableEmbeddings } from '../rag/index-model';
import { controlIngest, indexAgain } from '../rag/ingest-service';
import { openLibrary } from '../rag/open-library';
import { saveServerKey, serverKeyOrigins } from '../rag/server-keys';
import { saveSearchKey, searchKeyOrigins } from '../search/search-keys';
import { getApiKey } from '../settings/api-keys';
import { deleteProfile, saveProfile } from '../settings/profiles';
import { activeProfileItem, profilesItem, secureSettings } from '../settings/secure-settings';
import { generalSettingsItem } from '../settings/storage-items';
import { autoSaveDelay, offerAutoSave } from './auto-save';
import { askInPanel, openPanel } from './embedded-entry-points';

/**
 * The background's request handlers; each one short and delegating to lib/.
 * Who may send each request is declared in lib/messaging/protocol.ts and
 * enforced before a handler runs; a content script's handler acts on
 * `sender.tabId`, which the browser reported, never on a tab named in the payload.
 */
export function serveBackgroundHandlers(): void {
  serveBackgroundRequests({
    ...mcpRequestHandlers,
    ...fileRequestHandlers(),
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
      // A stored key goes only to the origin it was saved for (getApiKey refuses any other).
      const key = apiKey ?? (profile.id ? await getApiKey({ id: profile.id, baseURL: profile.baseURL }) : undefined);
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
      const probe = await embedEncoded(['Aside 本地嵌入 test'], 'query');
      // It works now: pages left keyword-only while it failed get their vectors.
      indexAgain();
      return probe;
    },
    'embedder.progress': async ({ files }) => {
      await reportEmbedderProgress(files);
      return {};
    },
    'autosave.offer': async ({ hasPasswordField }, sender) => offerAutoSave(sender.tab, hasPasswordField),
    'autosave.watch': async (_request, sender) => ({ minReadSeconds: await autoSaveDelay(sender.tab) }),
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
      await browser.scripting.executeScript({
        target: { tabId: sender.tabId, frameIds: [sender.frameId] },
        files: ['/content-scripts/embedded-ui.js'],
      });
      return {};
    },
    'messages.rate': async ({ id, rating }) => {
      await rateMessage(id, rating);
      return {};
    },
    'messages.edit': async ({ id, text }) => {
      await editAnswer(id, text);
      return {};
    },
    'messages.showVersion': async ({ id, version }) => {
      await showAnswerVersion(id, version);
      return {};
    },
    'runs.rate': async ({ id, rating }) => {
      await rateRun(id, rating);
      return {};
    },
    'runs.stop': async ({ id }) => {
      return { stopped: stopRun(id) };
    },
    'runs.editFinal': async ({ id, text }) => {
      await editRunFinal(id, text);
      return {};
    },
    'actions.rateCard': async ({ runId, rating }, sender) => {
      await rateCardRun(sender.tabId, runId, rating);
      return {};
    },
    'rag.indexStats': async ({ modelId }) => {
      const index = await openVectorIndex(modelId);
      return { vectors: index.size, dims: index.dims, loadMs: vectorIndexLoadMs(modelId) ?? null };
    },
    'ingest.control': async ({ action }) => {
      await controlIngest(action);
      return {};
    },
    'actions.askInPanel': async ({ selection }, sender) => {
      await askInPanel(sender.tabId, selection);
      return {};
    },
    'actions.saveSelection': async (_request, sender) => saveSelection(sender.tabId),
    'actions.continueInPanel': async ({ runId }, sender) => {
      // sidePanel.open must be called while the click is being handled: before anything awaits.
      const opening = openPanel(sender.tabId);
      const run = await cardRunOf(sender.tabId, runId);
      const conversationId = await conversationFromCard(run.question, run.answer);
      await panelHandoffItem.setValue({ conversationId, at: Date.now() });
      await opening;
      return { conversationId };
    },
    'actions.requestLinkGrant': async ({ linkToken }, sender) => {
      await linkRequestOf(sender.tabId, linkToken);
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#link-grant=${linkToken}`) });
      return {};
    },
    'consent.pendingLinkGrant': async ({ linkToken }) => {
      const link = await linkRequestOf(null, linkToken).catch(() => null);
      const site = link ? siteOf(link.url) : null;
      return link && site ? { url: link.url, site } : null;
    },
    'consent.grantLinkSite': async ({ linkToken }) => {
      await allowLinkSite((await linkRequestOf(null, linkToken)).url);
      return {};
    },
    'search.saveKey': async ({ engine, key }) => {
      await saveSearchKey(engine, key);
      return {};
    },
    'search.keyOrigins': async () => ({ origins: await searchKeyOrigins() }),
    'settings.set': async ({ key, value }) => {
      const item = secureSettings[key];
      if (!item) throw new AsideError('invalid-message', `No setting "${key}".`);
      await item.setValue(value);
      return {};
    },
    'data.deleteEverything': async () => {
      await deleteEverything();
      return {};
    },
    'agent.respond': async ({ promptId, answer }) => {
      return { delivered: answerPrompt(promptId, answer) };
    },
    'team.interject': async ({ runId, text }) => {
      return { delivered: interject(runId, text) };
    },
    'team.setTasks': async ({ runId, tasks }) => {
      return { delivered: replaceTasks(runId, tasks) };
    },
    'embedder.saveKey': async ({ kind, key }) => {
      await saveServerKey(kind, key);
      return {};
    },
    'embedder.keyOrigins': async () => ({ origins: await serverKeyOrigins() }),
    'library.open': async () => ({ opened: await openLibrary() }),
  });
}
