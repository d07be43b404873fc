import { useEffect, useId, useRef, useState } from 'react';
import { finishDraft } from '../../lib/agent/teams/edit-teams';
import type { Team, TeamAgent, TeamLimits } from '../../lib/agent/teams/team';
import { blankAgent, extraDuty } from '../../lib/agent/teams/team-drafts';
import { dutyLabel, patternLabel } from '../../lib/agent/teams/team-labels';
import { teamProblems } from '../../lib/agent/teams/team-problems';
import { profilesItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { Field } from './field';
import { TeamAgentEditor } from './team-agent-editor';

interface Member {
  /** React's key: member ids of new members are only made on save. */
  readonly key: number;
  readonly agent: TeamAgent;
}

const limitFields = [
  ['rounds', 'teams.rounds', 'teams.roundsHint'],
  ['stepsPerTurn', 'teams.stepsPerTurn', 'teams.stepsPerTurnHint'],
  ['maxTokens', 'teams.maxTokens', 'teams.maxTokensHint'],
] as const satisfies readonly (readonly [keyof TeamLimits, string, string])[];

/**
 * The form for one team: name, description, limits and members. Save checks
 * the whole team with `teamSchema` and lists what is wrong in words, next to the form.
 */
export function TeamEditor({
  initial,
  userTeams,
  onSave,
  onCancel,
}: {
  initial: Team;
  userTeams: readonly Team[];
  onSave(team: Team): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const profiles = useStorageItem(profilesItem) ?? [];
  const counter = useRef(0);
  const [team, setTeam] = useState(initial);
  const [members, setMembers] = useState<Member[]>(() =>
    initial.agents.map((agent) => ({ key: counter.current++, agent })),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const form = useRef<HTMLFormElement>(null);
  // Opened from a row far up the list: bring the form into view once. A block body, because
  // recent Chromium's scrollIntoView returns a Promise, which React would call as the cleanup.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const setLimit = (field: keyof TeamLimits, value: string) =>
    setTeam({ ...team, limits: { ...team.limits, [field]: value === '' ? Number.NaN : Number(value) } });
  const move = (index: number, by: -1 | 1) => {
    const next = [...members];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    setMembers(next);
  };
  const add = () => {
    const duty = extraDuty[team.pattern];
    // The first free "Debater n", so a re-added member does not repeat a name still in use.
    const names = new Set(members.map((m) => m.agent.name.trim()));
    let n = 1;
    while (names.has(`${dutyLabel(duty, t)} ${n}`)) n++;
    setMembers([...members, { key: counter.current++, agent: blankAgent(duty, `${dutyLabel(duty, t)} ${n}`) }]);
  };
  const save = () => {
    const done = finishDraft({ ...team, agents: members.map((m) => m.agent) }, userTeams);
    const found = teamProblems(done, t);
    setProblems(found);
    if (found.length === 0) onSave(done);
  };

  return (
    <form
      ref={form}
      className="team-editor general-settings"
      data-testid="team-editor"
      aria-label={t('teams.editing')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h3>
        {t('teams.editing')} · {patternLabel(team.pattern, t)}
      </h3>
      <p className="muted">{t(`team.patternHint.${team.pattern}`)}</p>
      <Field id={`${id}-name`} label={t('teams.name')}>
        <input
          id={`${id}-name`}
          value={team.name}
          maxLength={80}
          onChange={(e) => setTeam({ ...team, name: e.target.value })}
        />
      </Field>
      <Field id={`${id}-description`} label={t('teams.description')}>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={2_000}
          value={team.description}
          onChange={(e) => setTeam({ ...team, description: e.target.value })}
        />
      </Field>
      <div className="team-limits">
        {limitFields.map(([field, label, hint]) => (
          <Field key={field} id={`${id}-${field}`} label={t(label)} hint={t(hint)}>
            <input
              id={`${id}-${field}`}
              type="number"
              className="narrow"
              value={Number.isNaN(team.limits[field]) ? '' : team.limits[field]}
              onChange={(e) => setLimit(field, e.target.value)}
            />
          </Field>
        ))}
      </div>
      <h3>{t('teams.members')}</h3>
      {members.map((member, index) => (
        <TeamAgentEditor
          key={member.key}
          agent={member.agent}
          n={index + 1}
          pattern={team.pattern}
          profiles={profiles}
          first={index === 0}
          last={index === members.length - 1}
          onChange={(agent) => setMembers(members.map((m) => (m.key === member.key ? { ...m, agent } : m)))}
          onMove={(by) => move(index, by)}
          onRemove={() => setMembers(members.filter((m) => m.key !== member.key))}
        />
      ))}
      <div className="row">
        <button type="button" className="ghost" disabled={members.length >= 8} onClick={add}>
          {t('teams.addMember')}
        </button>
      </div>
      {problems.length > 0 ? (
        <div className="field-error" role="alert" data-testid="team-problems">
          <p>{t('teams.problems')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="row">
        <button type="submit">{t('common.save')}</button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
