import { z } from 'zod';
import { storedActionsSchema } from '../actions/action';
import { agentSettingsSchema, defaultAgentSettings } from '../agent/agent-settings';
import { teamSchema } from '../agent/teams/team';
import { autoSaveSettingsSchema, defaultAutoSaveSettings } from '../library/auto-save-settings';
import { mcpServerSchema } from '../mcp/mcp-server-config';
import { mcpStatusesSchema } from '../mcp/mcp-status';
import { defaultRagFusionSettings, ragFusionSettingsSchema } from '../rag/rag-fusion-settings';
import { defaultWebSearchSettings, webSearchSettingsSchema } from '../search/search-settings';
import { visionOverridesSchema } from '../vision/vision-settings';
import { defaultEmbeddingSettings, embeddingSettingsSchema } from './embedding-settings';
import { type LegacySetting, moveLegacySettings } from './legacy-settings';
import { profileSchema } from './profile';
import { defineSetting, type SettingItem } from './setting-item';

/**
 * Every setting that decides where data goes or what runs without asking,
 * in one list: provider profiles (where prompts and keys go), consent
 * grants, teams and their tools, actions (the prompts the card sends), the
 * model host, auto-save rules, the indexing state. They live in the
 * extension's IndexedDB, which content scripts cannot reach; `storage.local`
 * keeps only what is harmless if a page rewrites it (lib/settings/storage-items.ts,
 * lib/actions/embedded-settings.ts). Values saved there by earlier versions
 * move here once (lib/settings/legacy-settings.ts).
 */
const ready = (): Promise<void> => moveLegacySettings(legacy);

/** Resolves once settings (and API keys) saved by earlier versions have moved out of `storage.local`. */
export const settingsReady = ready;

export const activeSelectionSchema = z.object({ profileId: z.string().min(1), model: z.string().min(1) }).nullable();
export type ActiveSelection = NonNullable<z.infer<typeof activeSelectionSchema>>;

export const profilesItem = defineSetting('profiles', z.array(profileSchema).max(200), { fallback: [], ready });

/** The profile and model new chats use; each chat may pick its own. */
export const activeProfileItem = defineSetting('activeProfile', activeSelectionSchema, { fallback: null, ready });

/** "Always for this site" grants: `<scope> <origin>` → true (lib/consent/grants.ts). */
export const consentGrantsItem = defineSetting('consentGrants', z.record(z.string().max(2200), z.literal(true)), {
  fallback: {},
  ready,
});

export type ToolMode = 'native' | 'prompted';
/** Per profile id: providers that need the prompted tool protocol (lib/agent/tool-modes.ts). */
export const toolModesItem = defineSetting('toolModes', z.record(z.string(), z.enum(['native', 'prompted'])), {
  fallback: {} as Record<string, ToolMode>,
  ready,
});

export const agentSettingsItem = defineSetting('agentSettings', agentSettingsSchema, {
  fallback: defaultAgentSettings,
  ready,
});

/** The user's own teams (presets live in code and are never stored). */
export const userTeamsItem = defineSetting('teams', z.array(teamSchema).max(200), { fallback: [], ready });

export const actionsItem = defineSetting('actions', storedActionsSchema, {
  fallback: { custom: [], order: [], disabled: [] },
  ready,
});

/** The id of the action last run from the page, for the "run last action" command. */
export const lastActionItem = defineSetting('lastAction', z.string().min(1).max(100), { fallback: 'explain', ready });

export const autoSaveSettingsItem = defineSetting('autoSave', autoSaveSettingsSchema, {
  fallback: defaultAutoSaveSettings,
  ready,
});

export const embeddingSettingsItem = defineSetting('embeddingSettings', embeddingSettingsSchema, {
  fallback: defaultEmbeddingSettings,
  ready,
});

/** Whether the user paused indexing. Survives restarts: a paused queue stays paused. */
export const ingestPausedItem = defineSetting('ingestPaused', z.boolean(), { fallback: false, ready });

/** When the queue last went from empty to busy; "3 of 12" counts from here (lib/rag/ingest-counts.ts). */
export const ingestBatchStartedItem = defineSetting('ingestBatchStartedAt', z.number(), { fallback: 0, ready });

/** The model whose vectors cover the whole library; a new model's vectors replace it when complete. */
export const indexedModelItem = defineSetting('indexedModel', z.string().max(800).nullable(), {
  fallback: null,
  ready,
});

/** MCP servers: where tool calls go, with what credentials (kept with the API keys), and each tool's policy. */
export const mcpServersItem = defineSetting('mcpServers', z.array(mcpServerSchema).max(50), { fallback: [], ready });

/**
 * What each MCP server last answered (tools, errors). Written by the background only: it is left out of
 * `secureSettings` below, so no page can write it through `settings.set`.
 */
export const mcpStatusItem = defineSetting('mcpStatus', mcpStatusesSchema, { fallback: {}, ready });
/** Web search: the engine questions go to, its address, how many result pages are read (lib/search). */
export const webSearchSettingsItem = defineSetting('webSearch', webSearchSettingsSchema, {
  fallback: defaultWebSearchSettings,
  ready,
});

/** Per model name, the user's answer to "does it take images?" where the guess from the name is wrong (lib/vision). */
export const visionOverridesItem = defineSetting('visionModels', visionOverridesSchema, { fallback: {}, ready });
/** RAG-Fusion for library questions (Off / Auto / On): one more request, with the question only, to the chat's provider. */
export const ragFusionItem = defineSetting('ragFusion', ragFusionSettingsSchema, {
  fallback: defaultRagFusionSettings,
  ready,
});

/** Every setting above by its key, for `settings.set` (Aside's pages write through the background). */
export const secureSettings = Object.fromEntries(
  [
    profilesItem,
    activeProfileItem,
    consentGrantsItem,
    toolModesItem,
    agentSettingsItem,
    userTeamsItem,
    actionsItem,
    lastActionItem,
    autoSaveSettingsItem,
    embeddingSettingsItem,
    ingestPausedItem,
    ingestBatchStartedItem,
    indexedModelItem,
    mcpServersItem,
    webSearchSettingsItem,
    visionOverridesItem,
    ragFusionItem,
  ].map((item) => [item.key, item as SettingItem<unknown>]),
);

/**
 * What earlier versions kept in `storage.local` (WXT item keys) and where it
 * goes. Consent grants are dropped, not moved: any page could have planted
 * one there, and a grant is cheap to give again.
 */
const legacy: readonly LegacySetting[] = [
  { from: 'profiles', to: profilesItem },
  { from: 'activeProfile', to: activeProfileItem },
  { from: 'agentConsentGrants', to: null },
  { from: 'agentToolModes', to: toolModesItem },
  { from: 'agentSettings', to: agentSettingsItem },
  { from: 'teams', to: userTeamsItem },
  { from: 'actions', to: actionsItem },
  { from: 'lastAction', to: lastActionItem },
  { from: 'autoSave', to: autoSaveSettingsItem },
  { from: 'embeddingSettings', to: embeddingSettingsItem },
  { from: 'ingestPaused', to: ingestPausedItem },
  { from: 'ingestBatchStartedAt', to: ingestBatchStartedItem },
  { from: 'indexedModel', to: indexedModelItem },
];
