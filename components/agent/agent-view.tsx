import { useEffect, useRef, useState } from 'react';
import { Composer } from '../chat/composer';
import type { ActiveTab } from '../hooks/use-active-tab';
import { usePanelWindowId } from '../hooks/use-panel-window';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { ExampleGoals } from './example-goals';
import { RunList } from './run-list';
import { RunView } from './run-view';
import { TeamPicker, useTeamChoice, useTeams } from './team/team-picker';
import { TeamRunView } from './team/team-run-view';
import { useTeamRun } from './team/use-team-run';
import { useAgent } from './use-agent';
import { McpToolNamesContext, useMcpToolNames } from './use-tool-names';
import './agent.css';

export interface AgentTarget {
  readonly profileId?: string;
  readonly model?: string;
}

/**
 * Agent mode in the side panel: who works on it (the solo agent or a team), a
 * goal box, the current run, and the recent runs.
 */
export function AgentView({ tab, target }: { tab: ActiveTab | null; target: AgentTarget }) {
  const t = useT();
  const agent = useAgent();
  const team = useTeamRun();
  const teams = useTeams();
  const [teamId, setTeamId] = useTeamChoice();
  const picked = teams.find((candidate) => candidate.id === teamId);
  const [goal, setGoal] = useState('');
  const windowId = usePanelWindowId();
  const mcpNames = useMcpToolNames();
  const bottom = useRef<HTMLDivElement>(null);
  const running = (agent.live?.running ?? false) || (team.live?.running ?? false);
  const teamText = team.live?.turns.reduce((length, turn) => length + turn.text.length, 0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the run as steps, text and prompts arrive
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [agent.live?.text, agent.live?.prompts.length, teamText, team.live?.turns.length, team.live?.prompts.length]);

  const start = () => {
    const tabId = tab?.id ?? null;
    if (picked) {
      agent.open(null);
      // The team as picked now: later edits in the options page do not change this run.
      team.begin({ kind: 'start', team: picked, objective: goal.trim(), tabId, windowId }, () => setGoal(''));
    } else {
      team.open(null);
      agent.begin({ kind: 'start', goal: goal.trim(), tabId, windowId, ...target }, () => setGoal(''));
    }
  };
  const openRun = (id: string | null, isTeam = false) => {
    agent.open(isTeam ? null : id);
    team.open(isTeam ? id : null);
  };

  return (
    <McpToolNamesContext.Provider value={mcpNames}>
      <main className="messages agent-view" aria-live="polite">
        <div className="row">
          <span className="muted">{t('agent.hint')}</span>
          <span className="spacer" />
          {(agent.runId || team.runId) && !running ? (
            <button type="button" className="ghost new-run" onClick={() => openRun(null)}>
              + {t('agent.newRun')}
            </button>
          ) : null}
        </div>
        <TeamPicker teams={teams} value={picked?.id ?? null} onChange={setTeamId} disabled={running} />
        {team.runId ? (
          <TeamRunView
            runId={team.runId}
            live={team.live}
            onAnswer={(promptId, answer) => void team.respond(promptId, answer)}
            onResume={() => team.runId && team.begin({ kind: 'resume', runId: team.runId, windowId })}
            onRestart={() => team.runId && team.begin({ kind: 'restart', runId: team.runId, windowId })}
            onStop={team.stop}
            onInterject={team.interject}
            onSetTasks={(tasks) => void team.setTasks(tasks)}
          />
        ) : agent.runId ? (
          <RunView
            runId={agent.runId}
            live={agent.live}
            onAnswer={(promptId, answer) => void agent.respond(promptId, answer)}
            onResume={() => agent.runId && agent.begin({ kind: 'resume', runId: agent.runId, windowId })}
            onRestart={() => agent.runId && agent.begin({ kind: 'restart', runId: agent.runId, windowId })}
          />
        ) : (
          <>
            <ExampleGoals onPick={setGoal} />
            <RunList onOpen={openRun} />
          </>
        )}
        {agent.live?.error && !agent.runId ? <ErrorMessage error={agent.live.error} /> : null}
        {team.live?.error && !team.runId ? <ErrorMessage error={team.live.error} /> : null}
        <div ref={bottom} />
      </main>
      <Composer
        value={goal}
        onChange={setGoal}
        onSend={start}
        onStop={() => {
          agent.stop();
          team.stop();
        }}
        running={running}
        placeholder={picked ? t('teamRun.placeholder') : t('agent.placeholder')}
      />
    </McpToolNamesContext.Provider>
  );
}

const modeKey = 'aside.agentMode';

/** Agent mode on or off, remembered across panel openings. */
export function useAgentMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(modeKey) === '1');
  return [
    on,
    (next) => {
      localStorage.setItem(modeKey, next ? '1' : '0');
      setOn(next);
    },
  ];
}

/** The header switch between chat and Agent mode. */
export function AgentToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className={on ? 'primary icon-button' : 'ghost icon-button'}
      aria-pressed={on}
      aria-label={t('agent.toggle')}
      title={t('agent.toggleHint')}
      onClick={() => onChange(!on)}
    >
      <span aria-hidden="true">✦</span>
    </button>
  );
}
