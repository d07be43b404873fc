import { useEffect, useRef, useState } from 'react';
import { findPreset, providerPresets } from '../../lib/llm/presets';
import type { Profile } from '../../lib/settings/profile';
import { activeProfileItem, profilesItem } from '../../lib/settings/secure-settings';
import { generalSettingsItem } from '../../lib/settings/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ActionsSettings } from './actions-settings';
import { AgentSettingsForm } from './agent-settings-form';
import { AutoSaveSettingsForm } from './auto-save-settings';
import { DataControls } from './data-controls';
import { EmbedderSettings } from './embedder-settings';
import { type FormValues, valuesFromPreset, valuesFromProfile } from './form-values';
import { GeneralSettings } from './general-settings';
import { LinkGrantPrompt } from './link-grant-prompt';
import { McpSettings } from './mcp-settings';
import { Onboarding } from './onboarding';
import { OpenSidePanelButton } from './open-side-panel-button';
import { PrivacyNote } from './privacy-note';
import { ProfileForm } from './profile-form';
import { ProfileList } from './profile-list';
import { RagFusionSettings } from './rag-fusion-settings';
import { TeamsSettings } from './teams-settings';
import { ToolbarPins } from './toolbar-pins';
import { ToolbarSettings } from './toolbar-settings';
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

/** The options page: onboarding, provider profiles and general settings. */
export function OptionsApp() {
  const t = useT();
  const profiles = useStorageItem(profilesItem);
  const settings = useStorageItem(generalSettingsItem);
  const active = useStorageItem(activeProfileItem);
  const [editing, setEditing] = useState<Editing | null>(null);
  const opened = useRef(0);

  useEffect(() => {
    document.title = t('settings.title');
  }, [t]);

  const edit = (initial: FormValues) => setEditing({ key: ++opened.current, initial, profileId: initial.id });
  const addWithPreset = (presetId: string) => edit(valuesFromPreset(findPreset(presetId)));
  const onboarding = profiles?.length === 0 && settings?.onboarded === false;

  return (
    <main className="options">
      <header className="options-header row">
        <h1 className="grow">{t('settings.title')}</h1>
        <OpenSidePanelButton />
      </header>
      <LinkGrantPrompt />
      {onboarding ? <Onboarding onPickPreset={addWithPreset} /> : null}
      <section className="card" aria-labelledby="providers-title">
        <div className="row section-head">
          <h2 id="providers-title" className="grow">
            {t('settings.providers')}
          </h2>
          <button type="button" onClick={() => addWithPreset(providerPresets[0]?.id ?? 'custom')}>
            {t('settings.addProfile')}
          </button>
        </div>
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
      </section>
      <section className="card" aria-labelledby="vision-title">
        <h2 id="vision-title">{t('vision.settingsTitle')}</h2>
        <VisionSettings />
      </section>
      <section className="card" aria-labelledby="general-title">
        <h2 id="general-title">{t('settings.general')}</h2>
        <GeneralSettings />
      </section>
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('actions.title')}</h2>
        <ToolbarSettings />
        <ToolbarPins />
        <ActionsSettings />
      </section>
      <section className="card" aria-labelledby="agent-title">
        <h2 id="agent-title">{t('agent.settings.title')}</h2>
        <AgentSettingsForm />
      </section>
      <section className="card" aria-labelledby="mcp-title">
        <h2 id="mcp-title">{t('mcp.title')}</h2>
        <McpSettings />
      </section>
      <section className="card" aria-labelledby="teams-title">
        <h2 id="teams-title">{t('teams.title')}</h2>
        <TeamsSettings />
      </section>
      <section className="card" aria-labelledby="websearch-title">
        <h2 id="websearch-title">{t('websearch.title')}</h2>
        <WebSearchSettingsForm />
      </section>
      <section className="card" aria-labelledby="autosave-title">
        <h2 id="autosave-title">{t('autosave.title')}</h2>
        <AutoSaveSettingsForm />
      </section>
      <section className="card" aria-labelledby="embedder-title">
        <h2 id="embedder-title">{t('embedder.title')}</h2>
        <EmbedderSettings />
      </section>
      <section className="card" aria-labelledby="fusion-title">
        <h2 id="fusion-title">{t('fusion.title')}</h2>
        <RagFusionSettings />
      </section>
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('data.title')}</h2>
        <DataControls />
      </section>
      <section className="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('privacy.title')}</h2>
        <PrivacyNote />
      </section>
    </main>
  );
}
