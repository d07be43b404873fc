import { useState } from 'react';
import type { Team } from '../../lib/agent/teams/team';
import { patternLabel } from '../../lib/agent/teams/team-labels';
import { teamDisplayDescription, teamDisplayName } from '../agent/team-names';
import { useT } from '../hooks/use-t';

/** One team in the list: name, pattern, members; presets can only be duplicated, the user's teams also edited and deleted. */
export function TeamRow({
  team,
  preset,
  onEdit,
  onDuplicate,
  onExport,
  onDelete,
}: {
  team: Team;
  preset: boolean;
  onEdit(): void;
  onDuplicate(): void;
  onExport(): void;
  onDelete(): void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const name = teamDisplayName(team, t);
  return (
    <li className="team-row" data-testid="team-row" data-team-id={team.id}>
      <div className="profile-main">
        <div className="row">
          <strong className="profile-name">{name}</strong>
          <span className="badge">{patternLabel(team.pattern, t)}</span>
        </div>
        <div className="profile-meta muted">
          <span>{teamDisplayDescription(team, t)}</span>
          <span>{t('teams.memberCount', { count: team.agents.length })}</span>
        </div>
      </div>
      <div className="row profile-actions">
        {preset ? (
          <button type="button" onClick={onDuplicate}>
            {t('teams.duplicateToEdit')}
          </button>
        ) : (
          <>
            <button type="button" onClick={onEdit}>
              {t('common.edit')}
            </button>
            <button type="button" className="ghost" onClick={onDuplicate}>
              {t('teams.duplicate')}
            </button>
          </>
        )}
        <button type="button" className="ghost" onClick={onExport}>
          {t('teams.export')}
        </button>
        {preset ? null : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('common.delete')}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="row notice" role="alertdialog" aria-label={t('teams.deleteConfirm', { name })}>
          <span className="grow">{t('teams.deleteConfirm', { name })}</span>
          <button type="button" className="danger" onClick={onDelete}>
            {t('common.delete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
