import { useEffect, useRef, useState } from 'react';
import { Composer } from '../chat/composer';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { RunList } from './run-list';
import { RunView } from './run-view';
import { useAgent } from './use-agent';
import './agent.css';

export interface AgentTarget {
  readonly profileId?: string;
  readonly model?: string;
}

/** Agent mode in the side panel: a goal box, the current run, and the recent runs. */
export function AgentView({ tab, target }: { tab: ActiveTab | null; target: AgentTarget }) {
  const t = useT();
  const agent = useAgent();
  const [goal, setGoal] = useState('');
  const bottom = useRef<HTMLDivElement>(null);
  const running = agent.live?.running ?? false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the run as steps, text and prompts arrive
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [agent.live?.text, agent.live?.prompts.length]);

  const start = () =>
    agent.begin({ kind: 'start', goal: goal.trim(), tabId: tab?.id ?? null, ...target }, () => setGoal(''));

  return (
    <>
      <main className="messages agent-view" aria-live="polite">
        <div className="row">
          <span className="muted">{t('agent.hint')}</span>
          <span className="spacer" />
          {agent.runId && !running ? (
            <button type="button" className="ghost" onClick={() => agent.open(null)}>
              + {t('agent.newRun')}
            </button>
          ) : null}
        </div>
        {agent.runId ? (
          <RunView
            runId={agent.runId}
            live={agent.live}
            onAnswer={(promptId, answer) => void agent.respond(promptId, answer)}
            onResume={() => agent.runId && agent.begin({ kind: 'resume', runId: agent.runId })}
            onRestart={() => agent.runId && agent.begin({ kind: 'restart', runId: agent.runId })}
          />
        ) : (
          <RunList onOpen={agent.open} />
        )}
        {agent.live?.error && !agent.runId ? <ErrorMessage error={agent.live.error} /> : null}
        <div ref={bottom} />
      </main>
      <Composer
        value={goal}
        onChange={setGoal}
        onSend={start}
        onStop={agent.stop}
        running={running}
        placeholder={t('agent.placeholder')}
      />
    </>
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
      className={on ? 'primary' : 'ghost'}
      aria-pressed={on}
      title={t('agent.toggleHint')}
      onClick={() => onChange(!on)}
    >
      {t('agent.toggle')}
    </button>
  );
}
