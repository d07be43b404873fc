import { useId } from 'react';
import type { TeamAgent, TeamPattern } from '../../lib/agent/teams/team';
import { dutiesOf } from '../../lib/agent/teams/team-drafts';
import { dutyLabel } from '../../lib/agent/teams/team-labels';
import { agentToolNames } from '../../lib/agent/tool-names';
import { unavailableTools } from '../../lib/agent/unavailable-tools';
import { isMcpToolName } from '../../lib/mcp/mcp-tool-names';
import type { Profile } from '../../lib/settings/profile';
import { toolName } from '../agent/tool-label';
import { useMcpToolNames } from '../agent/use-tool-names';
import { useT } from '../hooks/use-t';
import { describedBy, Field } from './field';
import { useMcpToolChoices } from './use-mcp-tool-choices';

/** One member of a team: role name, duty, instructions, profile and model, tools; moved and removed by the team editor. */
export function TeamAgentEditor({
  agent,
  n,
  pattern,
  profiles,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  agent: TeamAgent;
  /** 1-based position, as the validation messages count. */
  n: number;
  pattern: TeamPattern;
  profiles: readonly Profile[];
  first: boolean;
  last: boolean;
  onChange(agent: TeamAgent): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const t = useT();
  const mcpTools = useMcpToolChoices();
  const mcpNames = useMcpToolNames();
  // MCP tools named by server; one the member already has stays listed (to uncheck) while its server is away.
  const toolChoices = [...new Set<string>([...agentToolNames, ...mcpTools, ...agent.tools.filter(isMcpToolName)])];
  const id = useId();
  const unavailable = unavailableTools();
  const set = (fields: Partial<TeamAgent>) => onChange({ ...agent, ...fields });
  const profile = profiles.find((p) => p.id === agent.profileId);
  const models = profile?.models ?? [...new Set(profiles.flatMap((p) => p.models))];
  const legend = t('teams.member', { n });
  return (
    <fieldset className="team-agent" data-testid="team-agent" aria-label={`${legend}: ${agent.name}`}>
      <legend className="row">
        <span className="grow">{legend}</span>
      </legend>
      <div className="team-agent-grid">
        <Field id={`${id}-name`} label={t('teams.member.name')}>
          <input id={`${id}-name`} value={agent.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id={`${id}-duty`} label={t('teams.member.duty')}>
          <select
            id={`${id}-duty`}
            value={agent.duty}
            onChange={(e) => set({ duty: dutiesOf(pattern).find((d) => d === e.target.value) ?? agent.duty })}
          >
            {dutiesOf(pattern).map((duty) => (
              <option key={duty} value={duty}>
                {dutyLabel(duty, t)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-profile`} label={t('teams.member.profile')}>
          <select
            id={`${id}-profile`}
            value={agent.profileId ?? ''}
            onChange={(e) => set({ profileId: e.target.value || undefined })}
          >
            <option value="">{t('teams.member.activeProfile')}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {agent.profileId && !profile ? <option value={agent.profileId}>{agent.profileId}</option> : null}
          </select>
        </Field>
        <Field id={`${id}-model`} label={t('teams.member.model')} hint={t('teams.member.modelHint')}>
          <input
            id={`${id}-model`}
            className="mono"
            value={agent.model ?? ''}
            maxLength={200}
            placeholder={profile?.model ?? ''}
            list={`${id}-models`}
            aria-describedby={describedBy(`${id}-model`, { hint: true })}
            onChange={(e) => set({ model: e.target.value || undefined })}
          />
          <datalist id={`${id}-models`}>
            {models.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
        </Field>
      </div>
      <Field id={`${id}-instructions`} label={t('teams.member.instructions')}>
        <textarea
          id={`${id}-instructions`}
          rows={3}
          maxLength={10_000}
          value={agent.instructions}
          onChange={(e) => set({ instructions: e.target.value })}
        />
      </Field>
      <fieldset className="team-tools">
        <legend className="team-tools-label">{t('teams.member.tools')}</legend>
        {toolChoices.map((tool) => (
          <label key={tool} className="row" data-tool={tool}>
            <input
              type="checkbox"
              checked={agent.tools.includes(tool)}
              // A tool this browser cannot run (run_javascript in Firefox) is shown off, with the reason.
              disabled={unavailable.has(tool)}
              onChange={(e) =>
                set({
                  tools: e.target.checked ? [...agent.tools, tool] : agent.tools.filter((name) => name !== tool),
                })
              }
            />
            {toolName(tool, t, mcpNames)}
            {unavailable.has(tool) ? <span className="muted">{t('teams.member.toolNotInFirefox')}</span> : null}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" className="ghost" disabled={first} onClick={() => onMove(-1)}>
          ↑ {t('teams.member.moveUp')}
        </button>
        <button type="button" className="ghost" disabled={last} onClick={() => onMove(1)}>
          ↓ {t('teams.member.moveDown')}
        </button>
        <button type="button" className="ghost danger" onClick={onRemove}>
          {t('teams.member.remove')}
        </button>
      </div>
    </fieldset>
  );
}
