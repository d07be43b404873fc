import { useId, useRef, useState } from 'react';
import { importTeams, removeTeam, type TeamImport, upsertTeam } from '../../lib/agent/teams/edit-teams';
import { presetTeams } from '../../lib/agent/teams/presets';
import { type Team, type TeamPattern, teamPatterns } from '../../lib/agent/teams/team';
import { duplicateTeam, teamTemplate } from '../../lib/agent/teams/team-drafts';
import { dutyLabel, patternLabel } from '../../lib/agent/teams/team-labels';
import { toTeamFile } from '../../lib/agent/teams/team-store';
import { userTeamsItem } from '../../lib/settings/secure-settings';
import { teamAgentDisplayName, teamDisplayDescription, teamDisplayName } from '../agent/team-names';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { saveFile } from '../ui/save-file';
import { TeamEditor } from './team-editor';
import { TeamRow } from './team-row';

interface Editing {
  /** Bumped on every open, so the form starts fresh each time. */
  readonly key: number;
  readonly team: Team;
}

/** Saves teams as a JSON file the import below reads back. */
function download(teams: readonly Team[], name: string): void {
  saveFile(name, JSON.stringify(toTeamFile(teams), null, 2));
}

/** Changes the stored teams from their latest value, not a render's copy, so no concurrent change is lost. */
function updateTeams(change: (teams: Team[]) => Team[]): Promise<void> {
  return userTeamsItem.update(change);
}

/** Built-in and user teams: create from a pattern, duplicate, edit, delete, export and import. */
export function TeamsSettings() {
  const t = useT();
  const id = useId();
  const teams = useStorageItem(userTeamsItem);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pattern, setPattern] = useState<TeamPattern>('group-chat');
  const [imported, setImported] = useState<TeamImport | 'failed' | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const opened = useRef(0);
  if (!teams) return null;

  const edit = (team: Team) => setEditing({ key: ++opened.current, team });
  // A copy of a preset takes its texts in the UI language: from then on they are the user's own.
  const duplicate = (team: Team) =>
    edit(
      duplicateTeam(
        {
          ...team,
          description: teamDisplayDescription(team, t),
          agents: team.agents.map((agent) => ({ ...agent, name: teamAgentDisplayName(team, agent, t) })),
        },
        t('teams.copyName', { name: teamDisplayName(team, t) }),
      ),
    );
  const create = () =>
    edit(
      teamTemplate(pattern, t('teams.newName'), (duty, n) =>
        n === undefined ? dutyLabel(duty, t) : `${dutyLabel(duty, t)} ${n}`,
      ),
    );
  const load = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      // Read the latest stored teams, not this render's copy, so nothing saved meanwhile is lost.
      const result = importTeams(await userTeamsItem.getValue(), await picked.text());
      await userTeamsItem.setValue(result.teams);
      setImported(result);
    } catch {
      setImported('failed');
    } finally {
      if (file.current) file.current.value = '';
    }
  };
  const row = (team: Team, preset: boolean) => (
    <TeamRow
      key={team.id}
      team={team}
      preset={preset}
      onEdit={() => edit(team)}
      onDuplicate={() => duplicate(team)}
      onExport={() => download([team], `aside-team-${team.id}.json`)}
      onDelete={() => {
        void updateTeams((current) => removeTeam(current, team.id));
        setEditing((current) => (current?.team.id === team.id ? null : current));
      }}
    />
  );

  return (
    <div className="teams-settings">
      <p className="muted">{t('teams.intro')}</p>
      <h4>{t('teams.presets')}</h4>
      <ul className="profile-list" aria-label={t('teams.presets')}>
        {presetTeams.map((team) => row(team, true))}
      </ul>
      <h4>{t('teams.yours')}</h4>
      {teams.length === 0 ? <p className="muted">{t('teams.none')}</p> : null}
      <ul className="profile-list" aria-label={t('teams.yours')} data-testid="user-teams">
        {teams.map((team) => row(team, false))}
      </ul>
      {editing ? (
        <TeamEditor
          key={editing.key}
          initial={editing.team}
          userTeams={teams}
          onCancel={() => setEditing(null)}
          onSave={(team) => {
            void updateTeams((current) => upsertTeam(current, team));
            setEditing(null);
          }}
        />
      ) : null}
      <div className="row teams-actions">
        <label htmlFor={`${id}-pattern`}>{t('teams.newPattern')}</label>
        <select
          id={`${id}-pattern`}
          value={pattern}
          onChange={(e) => setPattern(teamPatterns.find((p) => p === e.target.value) ?? pattern)}
        >
          {teamPatterns.map((p) => (
            <option key={p} value={p}>
              {patternLabel(p, t)}
            </option>
          ))}
        </select>
        <button type="button" onClick={create}>
          {t('teams.new')}
        </button>
        <button
          type="button"
          className="ghost"
          disabled={teams.length === 0}
          onClick={() => download(teams, 'aside-teams.json')}
        >
          {t('teams.exportAll')}
        </button>
        <button type="button" className="ghost" onClick={() => file.current?.click()}>
          {t('teams.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json"
          hidden
          data-testid="team-import-file"
          onChange={(e) => void load(e.target.files?.[0])}
        />
      </div>
      {imported === 'failed' ? <p role="alert">{t('teams.importFailed')}</p> : null}
      {imported && imported !== 'failed' ? (
        <p role="status" data-testid="team-import-result">
          {t('teams.importDone', { added: imported.added, renamed: imported.renamed, unchanged: imported.unchanged })}
        </p>
      ) : null}
    </div>
  );
}
