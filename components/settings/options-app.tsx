import { useEffect, useRef, useState } from 'react';
import { presetName } from '../../lib/llm/preset-name';
import { findPreset, providerPresets } from '../../lib/llm/presets';
import type { Profile } from '../../lib/settings/profile';
import { activeProfileItem, profilesItem } from '../../lib/settings/secure-settings';
import { generalSettingsItem } from '../../lib/settings/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ActionsSettings } from './actions-settings';
import { AgentSettingsForm } from './agent-settings-form';
import { AutoSaveSettingsForm } from './auto-save-settings';
import { DangerZone } from './danger-zone';
import { DataControls } from './data-controls';
import { EmbedderSettings } from './embedder-settings';
import { FineTuneExport } from './fine-tune-export';
import { type FormValues, valuesFromPreset, valuesFromProfile } from './form-values';
import { LanguageSetting } from './language-setting';
import { LinkGrantPrompt } from './link-grant-prompt';
import { McpSettings } from './mcp-settings';
import { Onboarding } from './onboarding';
import { OpenSidePanelButton } from './open-side-panel-button';
import { OptionsNav } from './options-nav';
import { OptionsSection, SettingsCard } from './options-section';
import { PageBudgetSetting } from './page-budget-setting';
import { PrivacyNote } from './privacy-note';
import { ProfileForm } from './profile-form';
import { ProfileList } from './profile-list';
import { RagFusionSettings } from './rag-fusion-settings';
import { TeamsSettings } from './teams-settings';
import { ToolbarPins } from './toolbar-pins';
import { ToolbarSettings } from './toolbar-settings';
import { useCurrentSection } from './use-current-section';
import { VisionSettings } from './vision-settings';
import { WebSearchSettingsForm } from './web-search-settings';
import './settings.css';

interface Editing {
  /** Bumped on every Add/Edit click, so the form starts fresh each time. */
  readonly key: number;
  readonly initial: FormValues;
  /** The profile the form is editing, once it exists. */
  readonly profileId: string | undefined;
}

/**
 * The options page: a section nav and six sections, all in the page at once
 * (so search-in-page and deep links reach every field), each a few cards.
 */
export function OptionsApp() {
  const t = useT();
  const profiles = useStorageItem(profilesItem);
  const settings = useStorageItem(generalSettingsItem);
  const active = useStorageItem(activeProfileItem);
  const [editing, setEditing] = useState<Editing | null>(null);
  const opened = useRef(0);
  const current = useCurrentSection();

  useEffect(() => {
    document.title = t('settings.title');
  }, [t]);

  const edit = (initial: FormValues) => setEditing({ key: ++opened.current, initial, profileId: initial.id });
  const addWithPreset = (presetId: string) => {
    const preset = findPreset(presetId);
    edit(valuesFromPreset(preset, presetName(preset, t)));
  };
  const onboarding = profiles?.length === 0 && settings?.onboarded === false;

  return (
    <div className="options-layout">
      <OptionsNav current={current} />
      <main className="options">
        <header className="options-header row">
          <h1 className="grow">{t('settings.title')}</h1>
          <LanguageSetting />
          <OpenSidePanelButton />
        </header>
        <LinkGrantPrompt />
        <OptionsSection
          id="providers"
          action={
            <button type="button" onClick={() => addWithPreset(providerPresets[0]?.id ?? 'custom')}>
              {t('settings.addProfile')}
            </button>
          }
        >
          {onboarding ? <Onboarding onPickPreset={addWithPreset} /> : null}
          <SettingsCard>
            {profiles ? (
              <ProfileList
                profiles={profiles}
                activeId={active?.profileId}
                onEdit={(profile: Profile) => edit(valuesFromProfile(profile))}
                onDeleted={(id) => setEditing((current) => (current?.profileId === id ? null : current))}
              />
            ) : null}
            {editing ? (
              <ProfileForm
                key={editing.key}
                initial={editing.initial}
                onSaved={(profile) => setEditing((current) => current && { ...current, profileId: profile.id })}
                onClose={() => setEditing(null)}
              />
            ) : null}
          </SettingsCard>
          <SettingsCard title={t('vision.settingsTitle')}>
            <VisionSettings />
          </SettingsCard>
        </OptionsSection>
        <OptionsSection id="actions">
          <SettingsCard title={t('actions.surface.toolbar')}>
            <ToolbarSettings />
          </SettingsCard>
          <SettingsCard>
            <ToolbarPins />
          </SettingsCard>
          <SettingsCard title={t('actions.title')}>
            <ActionsSettings />
          </SettingsCard>
        </OptionsSection>
        <OptionsSection id="agent">
          <SettingsCard title={t('agent.settings.title')}>
            <AgentSettingsForm />
          </SettingsCard>
          <SettingsCard title={t('mcp.title')}>
            <McpSettings />
          </SettingsCard>
          <SettingsCard title={t('teams.title')}>
            <TeamsSettings />
          </SettingsCard>
        </OptionsSection>
        <OptionsSection id="library">
          <SettingsCard title={t('websearch.title')}>
            <WebSearchSettingsForm />
          </SettingsCard>
          <SettingsCard title={t('autosave.title')}>
            <AutoSaveSettingsForm />
          </SettingsCard>
          <SettingsCard title={t('embedder.title')}>
            <EmbedderSettings />
          </SettingsCard>
          <SettingsCard title={t('fusion.title')}>
            <RagFusionSettings />
          </SettingsCard>
        </OptionsSection>
        <OptionsSection id="data">
          <SettingsCard title={t('data.title')}>
            <DataControls />
          </SettingsCard>
          <SettingsCard title={t('privacy.title')}>
            <PrivacyNote />
          </SettingsCard>
          <DangerZone />
        </OptionsSection>
        <OptionsSection id="advanced">
          <SettingsCard title={t('settings.pageText')}>
            <PageBudgetSetting />
          </SettingsCard>
          <SettingsCard title={t('data.fineTune')}>
            <FineTuneExport />
          </SettingsCard>
        </OptionsSection>
      </main>
    </div>
  );
}
