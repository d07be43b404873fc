import { useState } from 'react';
import { browser } from 'wxt/browser';
import { presetTeams } from '../../../lib/agent/teams/presets';
import type { Team } from '../../../lib/agent/teams/team';
import { userTeamsItem } from '../../../lib/settings/secure-settings';
import { useStorageItem } from '../../hooks/use-storage-item';
import { useT } from '../../hooks/use-t';
import { teamDisplayDescription } from '../team-names';
import { teamDisplayName } from './team-names';

const choiceKey = 'aside.agentTeam';

/**
 * The teams the picker offers: `allTeams()` (presets, then the user's), read
 * live so a team saved in the options page shows up without reopening the panel.
 */
export function useTeams(): readonly Team[] {
  const own = useStorageItem(userTeamsItem);
  return own ? [...presetTeams, ...own] : presetTeams;
}

/** The picked team's id (`null`: solo agent), remembered across panel openings. */
export function useTeamChoice(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState(() => localStorage.getItem(choiceKey) || null);
  return [
    id,
    (next) => {
      localStorage.setItem(choiceKey, next ?? '');
      setId(next);
    },
  ];
}

/** "Solo agent" or one of the teams: who works on the next objective. */
export function TeamPicker({
  teams,
  value,
  onChange,
  disabled,
}: {
  teams: readonly Team[];
  value: string | null;
  onChange: (id: string | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const picked = teams.find((team) => team.id === value);
  return (
    <div className="team-picker">
      <label className="row">
        <span className="muted">{t('teamRun.picker')}</span>
        <select
          data-testid="team-picker"
          aria-label={t('teamRun.picker')}
          value={picked?.id ?? ''}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value || null)}
        >
          <option value="">{t('teamRun.solo')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {teamDisplayName(team, t)}
            </option>
          ))}
        </select>
        <button type="button" className="ghost" onClick={() => browser.runtime.openOptionsPage()}>
          {t('teamRun.editTeams')}
        </button>
      </label>
      {picked ? (
        <p className="muted team-description" data-testid="team-description">
          {teamDisplayDescription(picked, t)}
        </p>
      ) : null}
    </div>
  );
}
